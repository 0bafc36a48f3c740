/**
 * Stream ids are ASCII (see the port's limits), so code-unit order is SQLite's BINARY order. DEL (0x7f) sorts after
 * every character a stream id may hold: the end of the range of an empty prefix.
 */
const AFTER_EVERY_ID_CHARACTER = '\u007f';

/** The ids from `from` (inclusive) to `to` (exclusive) that start with `prefix`, narrowed by the optional bounds. */
export function streamRangeOf(prefix: string, fromStream?: string, toStream?: string): { from: string; to: string } {
  const end =
    prefix === ''
      ? AFTER_EVERY_ID_CHARACTER
      : prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return {
    from: fromStream !== undefined && fromStream > prefix ? fromStream : prefix,
    to: toStream !== undefined && toStream < end ? toStream : end,
  };
}
