import { SqliteReadModelStore } from '@cdce/projections';
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
      actorId: 'actor-copil',
      actorRole: 'copil',
      recordedAt: '2026-02-03T08:00:00.000Z',
    });
    expect(projection.key).toEqual({ column: 'position', type: 'INTEGER' });
    expect(projection.columns!.nis!.value(doc)).toBe('62063');
  });

  it('keeps no event data (personal or bulky details stay in the stream), only who acted: the token, not a person', () => {
    const doc = projection.evolve(undefined, recorded('62063', ev.submitted('2026-01-01T00:00:00.000Z'), 1))!;
    expect(Object.keys(doc).sort()).toEqual(['actorId', 'actorRole', 'nis', 'position', 'recordedAt', 'type']);
  });

  it('is ordered by its position key, and indexes the commune then the position (newest first, per commune)', () =>
    expect(projection.indexes).toEqual([['nis', 'position']]));

  it('writes each row once: an event never updates the row of an earlier one', () =>
    expect(projection.documentPerEvent).toBe(true));

  it('stores the fields as columns and reads the same document back from them', () => {
    const readModels = SqliteReadModelStore.open(':memory:');
    try {
      readModels.prepare(projection);
      const writer = readModels.writerFor(projection);
      const events = [
        recorded('62063', ev.partner('p1', 'horeca'), 42, '2026-02-03T08:00:00.000Z', 'copil'),
        recorded('21004', ev.submitted('2026-01-01T00:00:00.000Z'), 9_007_199_254_740_991, undefined, 'coordination'),
      ];
      for (const event of events) {
        const doc = projection.evolve(undefined, event)!;
        writer.save(projection.documentIdOf(event)!, doc);
        expect(writer.load(projection.documentIdOf(event)!)).toEqual(doc);
      }
      const table = SqliteReadModelStore.tableOf(projection);
      expect(
        readModels.db.prepare(`SELECT position, nis, type, actor_id, actor_role FROM ${table} ORDER BY position`).all(),
      ).toEqual([
        { position: 42, nis: '62063', type: 'PartnerRegistered', actor_id: 'actor-copil', actor_role: 'copil' },
        {
          position: 9_007_199_254_740_991,
          nis: '21004',
          type: 'DossierSubmitted',
          actor_id: 'actor-coordination',
          actor_role: 'coordination',
        },
      ]);
    } finally {
      readModels.close();
    }
  });
});
