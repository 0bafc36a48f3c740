import { SqliteReadModelStore } from '@cdce/projections';
import { ev, recorded } from '../testing/commune-history';
import { titleEventsProjection as projection } from './title-events.projection';

const row = (event: ReturnType<typeof recorded>) => {
  const id = projection.documentIdOf(event);
  const doc = id === undefined ? undefined : projection.evolve(undefined, event);
  return (
    doc && {
      id,
      ...doc,
      columns: Object.fromEntries(Object.entries(projection.columns!).map(([k, c]) => [k, c.value(doc)])),
    }
  );
};

describe('title-events projection', () => {
  it('records an award in the year the title starts, not the year it was appended', () =>
    expect(row(recorded('92094', ev.awarded('2019-06-01', '2021-05-31'), 7, '2026-01-05T10:00:00.000Z'))).toEqual({
      id: 'event-7',
      nis: '92094',
      kind: 'awarded',
      cycle: 1,
      on: '2019-06-01',
      year: 2019,
      position: '7',
      columns: { nis: '92094', kind: 'awarded', year: 2019 },
    }));

  it('dates renewals and losses by the Belgian day of the decision (New Year’s Eve 23:30 UTC is already January in Brussels)', () => {
    expect(row(recorded('92094', ev.renewed('2024-12-31T23:30:00.000Z', '2025-01-01', '2026-12-31'), 3))).toMatchObject(
      {
        kind: 'renewed',
        cycle: 2,
        on: '2025-01-01',
        year: 2025,
      },
    );
    expect(row(recorded('92094', ev.lapsed('2023-03-01T10:00:00.000Z'), 4))).toMatchObject({
      kind: 'lapsed',
      year: 2023,
    });
    expect(row(recorded('92094', ev.relinquished('2022-03-01T10:00:00.000Z'), 5))).toMatchObject({
      kind: 'relinquished',
      year: 2022,
    });
    expect(row(recorded('92094', ev.withdrawn('2021-03-01T10:00:00.000Z'), 6))).toMatchObject({
      kind: 'withdrawn',
      year: 2021,
    });
  });

  it('ignores every other event', () => {
    expect(row(recorded('92094', ev.opened('92094', '2026-01-01T00:00:00.000Z'), 1))).toBeUndefined();
    expect(row(recorded('92094', ev.approved('2026-01-01T00:00:00.000Z'), 2))).toBeUndefined();
  });

  it('only reads commune streams, and only the five title event types', () => {
    expect(projection.filter.streamPrefixes).toEqual(['commune-']);
    expect([...projection.filter.eventTypes!].sort()).toEqual([
      'TitleAwarded',
      'TitleLapsed',
      'TitleRelinquished',
      'TitleRenewed',
      'TitleWithdrawn',
    ]);
    expect(SqliteReadModelStore.tableOf(projection)).toBe('rm_title_events');
  });
});
