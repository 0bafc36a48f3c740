import { communeDirectoryProjection, type CommuneDirectoryDoc, type CommuneStatus } from '@cdce/communes';
import { type DocumentWriter, rebuildProjections } from '@cdce/projections';
import { loadMunicipalityRegistry } from '@cdce/reference';
import { DASHBOARD_PROJECTIONS } from '../index';
import { titleEventsProjection, type TitleEventDoc } from '../projections/title-events.projection';
import { campaignScenario, NOW } from '../testing/campaign-scenario';
import { ev, TestLog } from '../testing/commune-history';
import { dashboardFigures } from './dashboard.query';
import { DAYS_TO_FIRST_TITLE, DIRECTORY_TABLE, HAS_FIRST_TITLE, TITLE_EVENTS_TABLE } from './directory-indexes';
import { COUNTS, countsDifferingFromRecount, readCounts } from './maintained-counts';

const registry = loadMunicipalityRegistry();
const PROJECTIONS = [communeDirectoryProjection, ...DASHBOARD_PROJECTIONS];

/** The counts as the dashboard read them before they were maintained: aggregates over every row. */
function recount(log: TestLog) {
  const { db } = log.readModels;
  const rows = (sql: string) => db.prepare(sql).raw().all() as unknown[][];
  const reasons = new Map<unknown, number>();
  for (const [json] of rows(
    `SELECT json_extract(doc, '$.summary.openAlertReasons') FROM ${DIRECTORY_TABLE} WHERE status = 'losing_momentum'`,
  ))
    for (const reason of json ? (JSON.parse(json as string) as unknown[]) : [])
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  return {
    statusArea: rows(
      `SELECT status, substr(id, 1, 2) AS a, count(*) FROM ${DIRECTORY_TABLE} GROUP BY status, a ORDER BY status, a`,
    ),
    titlesPerYear: rows(
      `SELECT year, kind, count(*) FROM ${TITLE_EVENTS_TABLE} GROUP BY year, kind ORDER BY year, kind`,
    ),
    firstTitleDays: rows(
      `SELECT floor(${DAYS_TO_FIRST_TITLE}) AS d, count(*) FROM ${DIRECTORY_TABLE} WHERE ${HAS_FIRST_TITLE} GROUP BY d ORDER BY d`,
    ),
    momentumReasons: [...reasons].sort(([a], [b]) => String(a).localeCompare(String(b))),
  };
}

function maintained(log: TestLog) {
  const { db } = log.readModels;
  return {
    statusArea: readCounts(db, COUNTS.statusArea, ['status', 'arrondissement'] as const),
    titlesPerYear: readCounts(db, COUNTS.titlesPerYear, ['year', 'kind'] as const),
    firstTitleDays: readCounts(db, COUNTS.firstTitleDays, ['day'] as const),
    momentumReasons: readCounts(db, COUNTS.momentumReasons, ['reason'] as const),
  };
}

/** The median and the losing-momentum list as the dashboard computed them by walking every row. */
function walked(log: TestLog) {
  const { db } = log.readModels;
  const durations = db
    .prepare(`SELECT ${DAYS_TO_FIRST_TITLE} FROM ${DIRECTORY_TABLE} WHERE ${HAS_FIRST_TITLE} ORDER BY 1`)
    .pluck()
    .all() as number[];
  const middle = durations.length % 2 ? [durations.length >> 1] : [durations.length / 2 - 1, durations.length / 2];
  const days = middle.reduce((sum, i) => sum + durations[i]!, 0) / middle.length;
  const losing = (
    db
      .prepare(
        `SELECT id, json_extract(doc, '$.state.momentum.since') AS since FROM ${DIRECTORY_TABLE} WHERE status = 'losing_momentum'`,
      )
      .all() as { id: string; since: string | null }[]
  ).sort((a, b) => (a.since ?? '').localeCompare(b.since ?? '') || a.id.localeCompare(b.id));
  return {
    timeToFirstTitle: {
      communes: durations.length,
      medianMonths: durations.length ? Math.round((days / (365.2425 / 12)) * 10) / 10 : null,
    },
    losingMomentum: { total: losing.length, nis: losing.slice(0, 200).map((row) => row.id) },
  };
}

function expectCountsRight(log: TestLog) {
  const figures = dashboardFigures(log.readModels, registry, NOW);
  expect(maintained(log)).toEqual(recount(log));
  expect(countsDifferingFromRecount(log.readModels.db)).toEqual([]);
  const reference = walked(log);
  expect(figures.timeToFirstTitle).toEqual(reference.timeToFirstTitle);
  expect({ total: figures.losingMomentum.total, nis: figures.losingMomentum.communes.map((c) => c.nis) }).toEqual(
    reference.losingMomentum,
  );
  return figures;
}

/** A deterministic pseudo-random sequence (LCG), for many documents of every shape. */
function random(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * below);
  };
}

const STATUSES: CommuneStatus[] = ['candidate', 'under_review', 'titled', 'renewed', 'losing_momentum', 'lapsed'];
const REASONS = ['copil_inactive', 'fom_missed', 'manual'];

/** A directory document with what the counts and indexes read; the rest of a commune's state is left out. */
function directoryDoc(nis: string, pick: (below: number) => number): CommuneDirectoryDoc {
  const status = STATUSES[pick(STATUSES.length)]!;
  const instant = (base: number) => new Date(Date.UTC(2015, 0, 1) + base * 3_600_000).toISOString();
  const opened = pick(10) === 0 ? null : instant(pick(40_000));
  const titled =
    opened === null || pick(3) === 0 ? null : instant(Date.parse(opened) / 3_600_000 - 394_464 + pick(5_000));
  const losing = status === 'losing_momentum';
  return {
    nis,
    revision: '1',
    updatedAt: '2026-01-01T00:00:00.000Z',
    state: {
      status,
      ...(losing
        ? {
            momentum: {
              since: pick(8) ? instant(pick(100)) : null,
              supportPlan: pick(2) ? { openedAt: instant(1) } : null,
            },
          }
        : {}),
    },
    summary: {
      titleCycle: null,
      validFrom: null,
      validUntil: null,
      lastGrade: null,
      openAlertReasons: losing ? REASONS.filter(() => pick(2) === 0) : [],
      sponsorNis: null,
      candidacyOpenedAt: opened,
      firstTitledAt: titled,
    },
  } as unknown as CommuneDirectoryDoc;
}

describe('counts kept beside the read models', () => {
  it('equal a recount after the projector inserts and updates documents (status changes, alerts, titles)', async () => {
    const log = new TestLog();
    await log.project();
    // Counted from the first write on: the triggers exist before the projector writes anything.
    expectCountsRight(log);
    await campaignScenario(log);
    await log.project();
    expect(expectCountsRight(log).byStatus).toMatchObject({ titled: 2, losing_momentum: 1, lapsed: 1 });
    // Namur loses momentum, Charleroi's alert reasons change, Nivelles submits a dossier; two new candidacies.
    await log.append(
      '92094',
      '2026-03-01T10:00:00.000Z',
      'coordination',
      ev.alert('2026-03-01T10:00:00.000Z', ['manual']),
    );
    await log.append(
      '52011',
      '2026-03-01T11:00:00.000Z',
      'coordination',
      ev.alert('2026-03-01T11:00:00.000Z', ['manual']),
    );
    await log.append('25072', '2026-03-01T12:00:00.000Z', 'copil', ev.submitted('2026-03-01T12:00:00.000Z'));
    await log.append('57081', '2026-03-01T13:00:00.000Z', 'copil', ev.opened('57081', '2026-03-01T13:00:00.000Z'));
    await log.append('25005', '2026-03-01T14:00:00.000Z', 'copil', ev.opened('25005', '2026-03-01T14:00:00.000Z'));
    await log.project();
    const after = expectCountsRight(log);
    expect(after.byStatus).toMatchObject({ losing_momentum: 2, under_review: 2, candidate: 2 });
    expect(after.losingMomentum.byReason).toMatchObject({ copil_inactive: 1, fom_missed: 1, manual: 2 });
    await log.close();
  });

  it('equal a recount after many inserts, updates and deletes of every shape, the median walking exact durations', async () => {
    const log = new TestLog();
    await log.project();
    dashboardFigures(log.readModels, registry, NOW);
    const directory = log.readModels.writerFor(communeDirectoryProjection) as DocumentWriter<CommuneDirectoryDoc>;
    const titles = log.readModels.writerFor(titleEventsProjection) as DocumentWriter<TitleEventDoc>;
    const pick = random(7);
    const kinds = ['awarded', 'renewed', 'lapsed', 'withdrawn'] as const;
    for (let round = 0; round < 8; round++) {
      log.readModels.db.transaction(() => {
        for (let i = 0; i < 150; i++) {
          const nis = String(10_000 + pick(400) * 211).padStart(5, '0');
          if (pick(5) === 0) directory.save(nis, undefined);
          else directory.save(nis, directoryDoc(nis, pick));
          const title = `t-${pick(300)}`;
          if (pick(4) === 0) titles.save(title, undefined);
          else {
            const year = 2015 + pick(10);
            titles.save(title, { nis, kind: kinds[pick(4)]!, cycle: 1, on: `${year}-01-01`, year, position: '1' });
          }
        }
      })();
      expectCountsRight(log);
    }
    // Plain SQL, not only the projector's writer: an update of the key columns and a delete of many rows at once.
    log.readModels.db.exec(
      `UPDATE ${DIRECTORY_TABLE} SET status = 'titled', first_titled_at = NULL WHERE id < '30000'`,
    );
    log.readModels.db.exec(`DELETE FROM ${DIRECTORY_TABLE} WHERE id > '90000'`);
    log.readModels.db.exec(`UPDATE ${TITLE_EVENTS_TABLE} SET year = year + 1 WHERE kind = 'lapsed'`);
    const figures = expectCountsRight(log);
    expect(figures.timeToFirstTitle.communes).toBeGreaterThan(40);
    expect(figures.losingMomentum.total).toBeGreaterThan(10);
    await log.close();
  });

  it('are counted again after a rebuild dropped the read models, then kept again', async () => {
    const log = new TestLog();
    await campaignScenario(log);
    await log.project();
    const before = expectCountsRight(log);
    await rebuildProjections(log.store, log.readModels, PROJECTIONS);
    // The rebuilt tables carry no trigger until the dashboard asks: the stale counts must not be read.
    expect(expectCountsRight(log)).toEqual(before);
    await log.append('25072', '2026-03-01T12:00:00.000Z', 'copil', ev.submitted('2026-03-01T12:00:00.000Z'));
    await log.project();
    expect(expectCountsRight(log).byStatus).toMatchObject({ candidate: 0, under_review: 2 });
    await rebuildProjections(log.store, log.readModels, [titleEventsProjection]);
    expect(expectCountsRight(log).titlesPerYear).toEqual(before.titlesPerYear);
    await log.close();
  });

  it('tell which counts drifted from a recount', async () => {
    const log = new TestLog();
    await campaignScenario(log);
    await log.project();
    expectCountsRight(log);
    log.readModels.db.exec(`UPDATE ${COUNTS.titlesPerYear} SET n = n + 1 WHERE year = 2022`);
    expect(countsDifferingFromRecount(log.readModels.db)).toEqual([COUNTS.titlesPerYear]);
    await log.close();
  });
});
