/**
 * Deterministic JSON: object keys sorted, no whitespace. Used for the hash chain, so that the same event always
 * hashes the same whichever adapter or key order produced it.
 * Throws a TypeError naming the path of anything JSON cannot represent faithfully.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value, new Set());
  } catch (error) {
    if (!(error instanceof Unrepresentable)) throw error;
    // Rare path: walk again, this time tracking where we are, to say which value is wrong.
    throw new TypeError(locate(value, '$', new Set()) ?? error.message);
  }
}

class Unrepresentable extends Error {}

/** The fast walk (appends hash every event): no path bookkeeping. */
function write(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Unrepresentable(`${value}`);
      return JSON.stringify(value);
    case 'object':
      return writeObject(value, ancestors);
    default:
      throw new Unrepresentable(typeof value);
  }
}

function writeObject(value: object, ancestors: Set<object>): string {
  if (ancestors.has(value) || !isPlain(value)) throw new Unrepresentable('object');
  ancestors.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = `[${value.map((item) => write(item, ancestors)).join(',')}]`;
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    const parts: string[] = [];
    for (const key of keys) {
      if (record[key] !== undefined) parts.push(`${JSON.stringify(key)}:${write(record[key], ancestors)}`);
    }
    out = `{${parts.join(',')}}`;
  }
  ancestors.delete(value);
  return out;
}

function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Finds the first value JSON cannot represent and describes it with its path. */
function locate(value: unknown, path: string, ancestors: Set<object>): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is ${value}, which JSON cannot represent`;
  if (typeof value !== 'object') return `${path} is a ${typeof value}, which JSON cannot represent`;
  if (ancestors.has(value)) return `${path} refers back to one of its parents (a cycle)`;
  if (!isPlain(value)) return `${path} is a ${value.constructor?.name ?? 'non-plain object'}, not a plain object`;
  ancestors.add(value);
  const entries = Array.isArray(value)
    ? value.map((item, i) => [`${path}[${i}]`, item] as const)
    : Object.entries(value).map(([key, item]) => [`${path}.${key}`, item] as const);
  for (const [childPath, child] of entries) {
    const problem = locate(child, childPath, ancestors);
    if (problem) return problem;
  }
  ancestors.delete(value);
  return undefined;
}
