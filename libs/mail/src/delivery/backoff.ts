/** Waits before the 2nd, 3rd… attempt: 1 min, 5 min, 30 min, 2 h, 12 h; after the 6th attempt the message fails. */
export const DEFAULT_BACKOFF_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];

/** When to try again after `attempts` failed attempts, or null when there is no attempt left. */
export function nextAttemptAfter(
  attempts: number,
  now: Date,
  backoffMs: readonly number[] = DEFAULT_BACKOFF_MS,
): Date | null {
  const wait = backoffMs[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}

/**
 * Reads a backoff list such as `1m,5m,30m,2h,12h` (units s, m, h, d; a bare number is milliseconds).
 * @throws RangeError naming the item it cannot read.
 */
export function parseBackoff(text: string): number[] {
  const units: Record<string, number> = { '': 1, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
  return text.split(',').map((item) => {
    const match = /^\s*(\d+)\s*(ms|s|m|h|d)?\s*$/.exec(item);
    if (!match) throw new RangeError(`${JSON.stringify(item.trim())} is not a delay: write e.g. 1m, 30m, 2h.`);
    return Number(match[1]) * units[match[2] ?? '']!;
  });
}
