import { addDays } from '@cdce/communes';

/** Business dates (`YYYY-MM-DD`) compare as strings. */
export const later = (a: string, b: string): string => (a > b ? a : b);
export const earlier = (a: string, b: string): string => (a < b ? a : b);

/** Whole days from `from` to `to` (negative when `to` is before). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A day drawn between two dates, both included. */
export function dayBetween(rng: { int(min: number, max: number): number }, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

/** `count` days spread over [from, to], in order. */
export function spread(
  rng: { int(min: number, max: number): number },
  from: string,
  to: string,
  count: number,
): string[] {
  return Array.from({ length: count }, () => dayBetween(rng, from, to)).sort();
}

/** Midnight UTC of a business date, in milliseconds. */
export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}
