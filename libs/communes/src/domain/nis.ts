/** A Belgian municipality's NIS (INS) code: five digits, kept as a string because it may start with a zero. */
const NIS = /^\d{5}$/;

/** True when `value` has the shape of a NIS code (five digits). Whether the municipality exists is the reference data's job. */
export function isValidNis(value: unknown): value is string {
  return typeof value === 'string' && NIS.test(value);
}

/** The event stream holding one commune's title lifecycle: `commune-<nis>`. */
export function communeStreamId(nis: string): string {
  if (!isValidNis(nis))
    throw new RangeError(`${JSON.stringify(nis)} is not a NIS code: expected five digits, e.g. "92094"`);
  return `commune-${nis}`;
}

/** Prefix shared by every commune stream, for projections and `$all` filters. */
export const COMMUNE_STREAM_PREFIX = 'commune-';
