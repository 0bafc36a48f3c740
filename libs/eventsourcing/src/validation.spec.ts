import { EventTooLargeError, InvalidEventDataError, InvalidStreamNameError } from './errors';
import { MAX_EVENT_BYTES } from './event-store.port';
import { assertValidStreamName, serialiseEventData } from './validation';

describe('assertValidStreamName', () => {
  it.each(['commune-92094', 'webinar-2025.03', 'a', 'A_b:c.d-e', '9', 'x'.repeat(200)])('accepts %s', (name) => {
    expect(() => assertValidStreamName(name)).not.toThrow();
  });

  it.each([
    ['', /empty/],
    ['$all', /reserved/],
    ['$et-Opened', /reserved/],
    ['-commune', /starting with a letter or digit/],
    ['commune 92094', /at most 200/],
    ['commune/92094', /at most 200/],
    ['communé', /at most 200/],
    ['x'.repeat(201), /at most 200/],
  ])('refuses %j', (name, reason) => {
    expect(() => assertValidStreamName(name)).toThrow(InvalidStreamNameError);
    expect(() => assertValidStreamName(name)).toThrow(reason);
  });
});

describe('serialiseEventData', () => {
  const event = (data: unknown, type = 'PartnerRegistered', id = 'e-1') => ({ id, type, data: data as object });

  it('returns the canonical JSON of the data', () => {
    expect(serialiseEventData(event({ kind: 'horeca', count: 2 }))).toBe('{"count":2,"kind":"horeca"}');
  });

  it.each([
    ['an empty type', event({}, '')],
    ['a type with a space', event({}, 'Partner Registered')],
    ['a type starting with a digit', event({}, '2Partners')],
    ['an empty id', event({}, 'T', '')],
    ['an id over 100 characters', event({}, 'T', 'x'.repeat(101))],
    ['an array as data', event([1])],
    ['null data', event(null)],
    ['a string as data', event('text')],
    ['a Date as data', event(new Date())],
    ['a Date inside the data', event({ at: new Date() })],
    ['a bigint inside the data', event({ n: 1n })],
    ['NaN inside the data', event({ n: Number.NaN })],
  ])('refuses %s', (_what, invalid) => {
    const error = (() => {
      try {
        serialiseEventData(invalid);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidEventDataError);
    expect(error).toMatchObject({ code: 'INVALID_EVENT_DATA' });
  });

  it('counts type, data and metadata against the size limit, to the byte', () => {
    const type = 'T';
    const overhead = '{"t":""}'.length + type.length;
    const exact = event({ t: 'x'.repeat(MAX_EVENT_BYTES - overhead - 10) }, type);
    expect(() => serialiseEventData(exact, 10)).not.toThrow();
    expect(() => serialiseEventData(exact, 11)).toThrow(EventTooLargeError);
    const multiByte = event({ t: 'é'.repeat(MAX_EVENT_BYTES / 2) }, type);
    expect(() => serialiseEventData(multiByte)).toThrow(
      expect.objectContaining({ code: 'EVENT_TOO_LARGE', limit: MAX_EVENT_BYTES }),
    );
  });
});
