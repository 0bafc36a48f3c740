import { DEFAULT_BACKOFF_MS, nextAttemptAfter, parseBackoff } from './backoff';

describe('Backoff', () => {
  const now = new Date('2026-02-02T08:00:00.000Z');

  it('waits 1 min, 5 min, 30 min, 2 h, 12 h, then gives up', () => {
    expect(DEFAULT_BACKOFF_MS.map((_, i) => nextAttemptAfter(i + 1, now)!.toISOString())).toEqual([
      '2026-02-02T08:01:00.000Z',
      '2026-02-02T08:05:00.000Z',
      '2026-02-02T08:30:00.000Z',
      '2026-02-02T10:00:00.000Z',
      '2026-02-02T20:00:00.000Z',
    ]);
    expect(nextAttemptAfter(6, now)).toBeNull();
  });

  it('reads a configured list and refuses what it cannot read', () => {
    expect(parseBackoff('1m, 5m,30m,2h,12h')).toEqual(DEFAULT_BACKOFF_MS);
    expect(parseBackoff('500,2s,1d')).toEqual([500, 2000, 86_400_000]);
    expect(() => parseBackoff('1m,soon')).toThrow(/"soon" is not a delay/);
  });
});
