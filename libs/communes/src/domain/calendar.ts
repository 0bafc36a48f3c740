/** A business date, `YYYY-MM-DD` (Belgian calendar day). */
export type IsoDate = string;
/** An instant, ISO-8601 UTC (`2025-03-01T09:30:00.000Z`). */
export type IsoInstant = string;

/**
 * Pure calendar arithmetic on business dates (`YYYY-MM-DD`). Nothing here reads the clock: the instant always
 * comes from the command's `now`.
 */

const brusselsDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Brussels',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day of an ISO instant in Belgium: deadlines and title dates are Belgian days, not UTC days. */
export function brusselsDate(instant: string): string {
  return brusselsDay.format(new Date(instant));
}

/**
 * `date` plus `months` calendar months, clamped to the end of the month (2024-02-29 + 24 months = 2026-02-28).
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = month - 1 + months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth + 1).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** ISO dates compare correctly as strings; these names make the intent readable. */
export const isBefore = (a: string, b: string): boolean => a < b;
export const isAfter = (a: string, b: string): boolean => a > b;

/** `date` plus `days` days (negative to go back). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/**
 * Last day (inclusive) of a period of `months` months starting on `validFrom`:
 * 2025-10-11 for 24 months is valid until 2027-10-10, and the next period starts on 2027-10-11.
 */
export function periodEnd(validFrom: string, months: number): string {
  return addDays(addMonths(validFrom, months), -1);
}
