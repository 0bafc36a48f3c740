import { loadMunicipalityRegistry } from '@cdce/reference';
import { campaignScenario, NOW } from '../testing/campaign-scenario';
import { TestLog } from '../testing/commune-history';
import { dashboardFigures } from './dashboard.query';
import {
  DAYS_TO_FIRST_TITLE,
  DIRECTORY_TABLE,
  HAS_FIRST_TITLE,
  INDEX,
  LOSING_MOMENTUM,
  LOSING_MOMENTUM_SINCE,
} from './directory-indexes';
import { COUNTS } from './maintained-counts';

const registry = loadMunicipalityRegistry();

describe('dashboardFigures', () => {
  let log: TestLog;
  beforeAll(async () => {
    log = new TestLog();
    await campaignScenario(log);
    await log.project();
  });
  afterAll(() => log.close());

  const figures = () => dashboardFigures(log.readModels, registry, NOW);

  it('counts communes by status over the 280 of the campaign, never-engaged ones included', () => {
    const { byStatus, campaignCommunes, today } = figures();
    expect(today).toBe('2026-03-02');
    expect(campaignCommunes).toBe(280);
    expect(byStatus).toMatchObject({
      titled: 2,
      losing_momentum: 1,
      renewal_under_review: 1,
      under_review: 1,
      lapsed: 1,
      candidate: 1,
      not_engaged: 273,
      renewed: 0,
    });
  });

  it('breaks the counts down by province and region with the reference data', () => {
    const { byProvince, byRegion } = figures();
    expect(byProvince.map((p) => p.province)).toEqual([
      null,
      'Brabant wallon',
      'Hainaut',
      'Liège',
      'Luxembourg',
      'Namur',
    ]);
    expect(byProvince.find((p) => p.province === 'Namur')).toMatchObject({
      region: 'wallonia',
      communes: 38,
      byStatus: { titled: 1, not_engaged: 37 },
    });
    expect(byProvince.find((p) => p.province === 'Hainaut')!.byStatus).toMatchObject({
      losing_momentum: 1,
      renewal_under_review: 1,
    });
    expect(byRegion.find((r) => r.region === 'brussels')).toMatchObject({
      communes: 19,
      byStatus: { lapsed: 1, not_engaged: 18 },
    });
    const wallonia = byRegion.find((r) => r.region === 'wallonia')!;
    expect(Object.values(wallonia.byStatus).reduce((a, b) => a + b, 0)).toBe(wallonia.communes);
  });

  it('gives the share of titled communes: titled, renewed, losing momentum and under renewal review', () =>
    expect(figures().titled).toEqual({ holders: 4, share: 0.014 }));

  it('counts titles awarded and lost per year of effect', () =>
    expect(figures().titlesPerYear).toEqual([
      { year: 2020, awarded: 1, renewed: 0, lapsed: 0, relinquished: 0, withdrawn: 0, lost: 0 },
      { year: 2022, awarded: 1, renewed: 0, lapsed: 1, relinquished: 0, withdrawn: 0, lost: 1 },
      { year: 2023, awarded: 2, renewed: 0, lapsed: 0, relinquished: 0, withdrawn: 0, lost: 0 },
      { year: 2024, awarded: 1, renewed: 0, lapsed: 0, relinquished: 0, withdrawn: 0, lost: 0 },
    ]));

  it('gives the median time from first candidacy to first title, in months', () =>
    // 3.0 (Mons), 4.7 (Namur), 5.0 (Bruxelles), 6.0 (Charleroi), 6.0 (Bastogne)
    expect(figures().timeToFirstTitle).toEqual({ communes: 5, medianMonths: 5 }));

  it('lists renewals due within 30 and 90 days and titles already overdue, overdue first', () => {
    const { renewalsDue } = figures();
    expect(renewalsDue).toMatchObject({ within30Days: 1, within90Days: 3, overdue: 1 });
    expect(renewalsDue.communes.map((c) => [c.name, c.validUntil, c.daysLeft])).toEqual([
      ['Bastogne', '2026-02-01', -29],
      ['Namur', '2026-03-20', 18],
      ['Mons', '2026-04-30', 59],
      ['Charleroi', '2026-05-15', 74],
    ]);
  });

  it('lists communes losing momentum with the reasons of their open alerts', () => {
    const { losingMomentum } = figures();
    expect(losingMomentum.total).toBe(1);
    expect(losingMomentum.byReason).toMatchObject({ copil_inactive: 1, fom_missed: 1, manual: 0 });
    expect(losingMomentum.communes).toEqual([
      {
        nis: '52011',
        name: 'Charleroi',
        since: '2025-11-03T10:00:00.000Z',
        reasons: ['copil_inactive', 'fom_missed'],
        supportPlan: true,
        sponsorNis: '92094',
      },
    ]);
  });

  it('counts from counts kept beside the read models and from the dashboard indexes, not from documents', () => {
    figures();
    const plan = (sql: string) =>
      (log.readModels.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    const counted = (table: string) => log.readModels.db.prepare(`SELECT sum(n) FROM ${table}`).pluck().get();
    expect(counted(COUNTS.statusArea)).toBe(7);
    expect(counted(COUNTS.titlesPerYear)).toBe(6);
    expect(counted(COUNTS.firstTitleDays)).toBe(5);
    expect(
      plan(
        `SELECT count(*) FROM ${DIRECTORY_TABLE} WHERE valid_until BETWEEN '2026' AND '2027' AND status IN ('titled')`,
      ),
    ).toMatch(/COVERING INDEX rm_commune_directory__dash_status_valid_until/);
    expect(
      plan(
        `SELECT id FROM ${DIRECTORY_TABLE} INDEXED BY ${INDEX.losingMomentum} WHERE ${LOSING_MOMENTUM}
         ORDER BY ${LOSING_MOMENTUM_SINCE}, id LIMIT 200`,
      ),
    ).toMatch(/^SCAN rm_commune_directory USING (COVERING )?INDEX rm_commune_directory__dash_losing_momentum_since$/);
    expect(
      plan(
        `SELECT ${DAYS_TO_FIRST_TITLE} FROM ${DIRECTORY_TABLE} INDEXED BY ${INDEX.daysToFirstTitle}
         WHERE ${HAS_FIRST_TITLE} AND ${DAYS_TO_FIRST_TITLE} >= 90 AND ${DAYS_TO_FIRST_TITLE} < 91
         ORDER BY ${DAYS_TO_FIRST_TITLE} LIMIT 1 OFFSET 0`,
      ),
    ).toMatch(
      /^SEARCH rm_commune_directory USING INDEX rm_commune_directory__dash_days_to_first_title \(<expr>>\? AND <expr><\?\)$/,
    );
  });

  it('shows an empty campaign as 280 communes not engaged', async () => {
    const empty = new TestLog();
    await empty.project();
    const result = dashboardFigures(empty.readModels, registry, NOW);
    expect(result.byStatus.not_engaged).toBe(280);
    expect(result.timeToFirstTitle).toEqual({ communes: 0, medianMonths: null });
    expect(result.titlesPerYear).toEqual([]);
    await empty.close();
  });
});
