import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order the object was built with', () => {
    expect(canonicalJson({ nis: '92094', name: 'Namur' })).toBe(canonicalJson({ name: 'Namur', nis: '92094' }));
  });

  it('writes strings, numbers, booleans and null as JSON does', () => {
    const value = {
      text: 'Équitable "café"\n\u2028',
      n: -0.5,
      big: 1e21,
      yes: true,
      none: null,
      empty: [] as unknown[],
    };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
    expect(canonicalJson('é')).toBe(JSON.stringify('é'));
  });

  it('drops keys whose value is undefined, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('accepts the same object twice when it is not a cycle, and objects without prototype', () => {
    const shared = { id: 1 };
    expect(canonicalJson({ first: shared, second: shared })).toBe('{"first":{"id":1},"second":{"id":1}}');
    expect(canonicalJson(Object.assign(Object.create(null), { a: 1 }))).toBe('{"a":1}');
  });

  it.each([
    ['NaN', { a: { ratio: Number.NaN } }, /\$\.a\.ratio is NaN/],
    ['Infinity', { x: Number.NEGATIVE_INFINITY }, /\$\.x is -Infinity/],
    ['a bigint', { amount: 10n }, /\$\.amount is a bigint/],
    ['a function', { run: () => 1 }, /\$\.run is a function/],
    ['a symbol', { s: Symbol('s') }, /\$\.s is a symbol/],
    ['undefined in an array', { list: [1, undefined] }, /\$\.list\[1\] is a undefined/],
    ['a Date', { at: new Date(0) }, /\$\.at is a Date/],
    ['a Map', { m: new Map() }, /\$\.m is a Map/],
    ['a class instance', { p: new (class Point {})() }, /\$\.p is a Point/],
  ])('refuses %s, naming where it is', (_name, value, message) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
    expect(() => canonicalJson(value)).toThrow(message);
  });

  it('refuses a cycle', () => {
    const node: Record<string, unknown> = { name: 'a', children: [] };
    (node['children'] as unknown[]).push({ parent: node });
    expect(() => canonicalJson(node)).toThrow(/\$\.children\[0\]\.parent refers back to one of its parents/);
  });
});
