import { ev, recorded } from '../testing/commune-history';
import { activityFeedProjection as projection } from './activity-feed.projection';

describe('activity-feed projection', () => {
  it('keeps one small row per commune event, keyed by its global position', () => {
    const event = recorded('62063', ev.partner('p1', 'horeca'), 42, '2026-02-03T08:00:00.000Z', 'copil');
    expect(projection.documentIdOf(event)).toBe('42');
    const doc = projection.evolve(undefined, event)!;
    expect(doc).toEqual({
      position: '42',
      nis: '62063',
      type: 'PartnerRegistered',
      actorRole: 'copil',
      recordedAt: '2026-02-03T08:00:00.000Z',
    });
    expect(projection.key).toEqual({ column: 'position', type: 'INTEGER' });
    expect(projection.columns!.nis!.value(doc)).toBe('62063');
  });

  it('keeps no event data: personal or bulky details stay in the stream', () => {
    const doc = projection.evolve(undefined, recorded('62063', ev.submitted('2026-01-01T00:00:00.000Z'), 1))!;
    expect(Object.keys(doc).sort()).toEqual(['actorRole', 'nis', 'position', 'recordedAt', 'type']);
  });

  it('is ordered by its position key, and indexes the commune then the position (newest first, per commune)', () =>
    expect(projection.indexes).toEqual([['nis', 'position']]));

  it('writes each row once: an event never updates the row of an earlier one', () =>
    expect(projection.documentPerEvent).toBe(true));
});
