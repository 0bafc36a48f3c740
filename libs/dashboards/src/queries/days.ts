/** Whole days from business date `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Average Gregorian month, for durations shown in months. */
export const DAYS_PER_MONTH = 365.2425 / 12;

/** Months between two instants, one decimal. */
export function monthsBetween(from: string, to: string): number {
  return Math.round(((Date.parse(to) - Date.parse(from)) / 86_400_000 / DAYS_PER_MONTH) * 10) / 10;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round(((sorted[middle - 1]! + sorted[middle]!) / 2) * 10) / 10;
}
