import {
  addDays,
  brusselsDate,
  COMMUNE_STATUSES,
  type CommuneStatus,
  MOMENTUM_REASONS,
  type MomentumReason,
} from '@cdce/communes';
import type { SqliteReadModelStore } from '@cdce/projections';
import type { MunicipalityRegistry, Region } from '@cdce/reference';
import { TITLE_EVENT_KINDS, type TitleEventKind } from '../projections/title-events.projection';
import { daysBetween, DAYS_PER_MONTH } from './days';
import {
  DAYS_TO_FIRST_TITLE,
  DIRECTORY_TABLE,
  ensureDirectoryIndexes,
  HAS_FIRST_TITLE,
  INDEX,
  LOSING_MOMENTUM,
  LOSING_MOMENTUM_SINCE,
  LOSING_MOMENTUM_VALUES,
} from './directory-indexes';
import { COUNTS, readCounts } from './maintained-counts';
import { referenceAreas } from './reference-areas';

export type StatusCounts = Record<CommuneStatus, number>;

export interface ProvinceFigures {
  readonly province: string | null;
  readonly region: Region;
  /** Campaign municipalities in the province. */
  readonly communes: number;
  readonly byStatus: StatusCounts;
}

export interface RegionFigures {
  readonly region: Region;
  readonly communes: number;
  readonly byStatus: StatusCounts;
}

export interface TitlesOfYear extends Record<TitleEventKind, number> {
  readonly year: number;
  /** lapsed + relinquished + withdrawn. */
  readonly lost: number;
}

export interface RenewalDue {
  readonly nis: string;
  readonly name: string;
  readonly status: CommuneStatus;
  readonly validUntil: string;
  readonly daysLeft: number;
}

export interface LosingMomentumCommune {
  readonly nis: string;
  readonly name: string;
  readonly since: string | null;
  readonly reasons: readonly MomentumReason[];
  readonly supportPlan: boolean;
  readonly sponsorNis: string | null;
}

export interface DashboardFigures {
  /** The instant the figures were computed for, and that day in Belgium. */
  readonly now: string;
  readonly today: string;
  readonly campaignCommunes: number;
  /** Campaign communes without a stream count as `not_engaged`. */
  readonly byStatus: StatusCounts;
  readonly byRegion: readonly RegionFigures[];
  readonly byProvince: readonly ProvinceFigures[];
  /** Communes holding a title (titled, renewed, losing momentum, renewal under review) over the campaign's communes. */
  readonly titled: { readonly holders: number; readonly share: number };
  readonly titlesPerYear: readonly TitlesOfYear[];
  /** From a commune's first candidacy to its first title. */
  readonly timeToFirstTitle: { readonly communes: number; readonly medianMonths: number | null };
  readonly renewalsDue: {
    readonly within30Days: number;
    readonly within90Days: number;
    /** Titles past their `validUntil` that nobody renewed or ended yet. */
    readonly overdue: number;
    /** Overdue first, then by date, up to 90 days ahead. */
    readonly communes: readonly RenewalDue[];
  };
  readonly losingMomentum: {
    readonly total: number;
    readonly byReason: Record<MomentumReason, number>;
    /** Longest in difficulty first. */
    readonly communes: readonly LosingMomentumCommune[];
  };
}

export const HOLDING_STATUSES: readonly CommuneStatus[] = [
  'titled',
  'renewed',
  'losing_momentum',
  'renewal_under_review',
];
const LIST_LIMIT = 200;

/**
 * The coordination's figures, from the commune directory and the title events, joined with the reference data at
 * query time. The counts by status, area, year, reason and days to a first title are kept beside the read models by
 * triggers (maintained-counts); renewals due are counted on an index; only the communes listed by name are read.
 */
export function dashboardFigures(
  readModels: SqliteReadModelStore,
  registry: MunicipalityRegistry,
  now: Date,
): DashboardFigures {
  ensureDirectoryIndexes(readModels);
  const today = brusselsDate(now.toISOString());
  const areas = referenceAreas(registry);
  const { byStatus, byRegion, byProvince, losingMomentumTotal } = statusCounts(readModels, registry);
  const holders = HOLDING_STATUSES.reduce((sum, status) => sum + byStatus[status], 0);
  return {
    now: now.toISOString(),
    today,
    campaignCommunes: areas.campaignCommunes,
    byStatus,
    byRegion,
    byProvince,
    titled: {
      holders,
      share: areas.campaignCommunes ? Math.round((holders / areas.campaignCommunes) * 1000) / 1000 : 0,
    },
    titlesPerYear: titlesPerYear(readModels),
    timeToFirstTitle: timeToFirstTitle(readModels),
    renewalsDue: renewalsDue(readModels, registry, today),
    losingMomentum: losingMomentum(readModels, registry, losingMomentumTotal),
  };
}

function emptyCounts(): StatusCounts {
  return Object.fromEntries(COMMUNE_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

function statusCounts(readModels: SqliteReadModelStore, registry: MunicipalityRegistry) {
  const areas = referenceAreas(registry);
  const rows = readCounts(readModels.db, COUNTS.statusArea, ['status', 'arrondissement'] as const).map(
    ([status, arrondissement, n]) => ({ status: status as CommuneStatus, arrondissement: String(arrondissement), n }),
  );
  const byStatus = emptyCounts();
  const provinces = new Map<string, ProvinceFigures>();
  for (const [key, { area, members }] of areas.membersByProvince) {
    provinces.set(key, { ...area, communes: members, byStatus: emptyCounts() });
  }
  const regions = new Map<Region, RegionFigures>();
  for (const [region, communes] of areas.membersByRegion)
    regions.set(region, { region, communes, byStatus: emptyCounts() });
  let losingMomentumTotal = 0;
  for (const { status, arrondissement, n } of rows) {
    byStatus[status] = (byStatus[status] ?? 0) + n;
    if (status === 'losing_momentum') losingMomentumTotal += n;
    const area = areas.byArrondissement(arrondissement);
    if (!area) continue;
    const province = provinces.get(area.province ?? '');
    if (province) province.byStatus[status] += n;
    const region = regions.get(area.region);
    if (region) region.byStatus[status] += n;
  }
  // Communes that never opened a stream are not engaged; merged ones are no longer campaign members.
  const fillNotEngaged = (counts: StatusCounts, members: number) => {
    const engaged = COMMUNE_STATUSES.filter((s) => s !== 'not_engaged' && s !== 'merged').reduce(
      (sum, s) => sum + counts[s],
      0,
    );
    counts.not_engaged = Math.max(counts.not_engaged, members - engaged);
  };
  fillNotEngaged(byStatus, areas.campaignCommunes);
  provinces.forEach((p) => fillNotEngaged(p.byStatus, p.communes));
  regions.forEach((r) => fillNotEngaged(r.byStatus, r.communes));
  const byProvince = [...provinces.values()].sort((a, b) => (a.province ?? '').localeCompare(b.province ?? '', 'fr'));
  return { byStatus, byRegion: [...regions.values()], byProvince, losingMomentumTotal };
}

function titlesPerYear(readModels: SqliteReadModelStore): TitlesOfYear[] {
  const rows = readCounts(readModels.db, COUNTS.titlesPerYear, ['year', 'kind'] as const);
  const years = new Map<number, Record<TitleEventKind, number>>();
  for (const [year, kind, n] of rows as [number, TitleEventKind, number][]) {
    const counts =
      years.get(year) ?? (Object.fromEntries(TITLE_EVENT_KINDS.map((k) => [k, 0])) as Record<TitleEventKind, number>);
    counts[kind] = n;
    years.set(year, counts);
  }
  return [...years]
    .sort(([a], [b]) => a - b)
    .map(([year, counts]) => ({
      year,
      ...counts,
      lost: counts.lapsed + counts.relinquished + counts.withdrawn,
    }));
}

function timeToFirstTitle(readModels: SqliteReadModelStore) {
  // The histogram by whole days says which day holds the middle; the index gives the exact durations within that day.
  const days = readCounts(readModels.db, COUNTS.firstTitleDays, ['day'] as const) as [number | null, number][];
  const communes = days.reduce((sum, [, n]) => sum + n, 0);
  if (communes === 0) return { communes, medianMonths: null };
  const ranks = communes % 2 ? [(communes - 1) / 2] : [communes / 2 - 1, communes / 2];
  const middle = ranks.map((rank) => durationAt(readModels, days, rank));
  const average = middle.reduce<number>((sum, d) => sum + (d as number), 0) / middle.length;
  return { communes, medianMonths: Math.round((average / DAYS_PER_MONTH) * 10) / 10 };
}

/** The `rank`-th smallest duration (from 0), as the index orders them (a missing date, NULL, first). */
function durationAt(readModels: SqliteReadModelStore, days: readonly [number | null, number][], rank: number) {
  let before = 0;
  const bucket = days.find(([, n]) => (before += n) > rank)!;
  const offset = rank - (before - bucket[1]);
  const within =
    bucket[0] === null
      ? `${DAYS_TO_FIRST_TITLE} IS NULL`
      : `${DAYS_TO_FIRST_TITLE} >= ? AND ${DAYS_TO_FIRST_TITLE} < ?`;
  return readModels.db
    .prepare(
      `SELECT ${DAYS_TO_FIRST_TITLE} FROM ${DIRECTORY_TABLE} INDEXED BY ${INDEX.daysToFirstTitle}
       WHERE ${HAS_FIRST_TITLE} AND ${within} ORDER BY ${DAYS_TO_FIRST_TITLE} LIMIT 1 OFFSET ?`,
    )
    .pluck()
    .get(...(bucket[0] === null ? [] : [bucket[0], bucket[0] + 1]), offset) as number | null;
}

function renewalsDue(readModels: SqliteReadModelStore, registry: MunicipalityRegistry, today: string) {
  const in30 = addDays(today, 30);
  const in90 = addDays(today, 90);
  const holding = HOLDING_STATUSES.map((s) => `'${s}'`).join(', ');
  const count = (from: string | null, to: string) =>
    readModels.db
      .prepare(
        `SELECT count(*) FROM ${DIRECTORY_TABLE} WHERE valid_until ${from === null ? '< ?' : 'BETWEEN ? AND ?'} AND status IN (${holding})`,
      )
      .pluck()
      .get(...(from === null ? [to] : [from, to])) as number;
  const rows = readModels.db
    .prepare(
      `SELECT id, status, valid_until FROM ${DIRECTORY_TABLE} WHERE valid_until <= ? AND status IN (${holding})
       ORDER BY valid_until LIMIT ${LIST_LIMIT}`,
    )
    .raw()
    .all(in90) as [string, CommuneStatus, string][];
  return {
    within30Days: count(today, in30),
    within90Days: count(today, in90),
    overdue: count(null, today),
    communes: rows.map(([nis, status, validUntil]) => ({
      nis,
      name: nameOf(registry, nis),
      status,
      validUntil,
      daysLeft: daysBetween(today, validUntil),
    })),
  };
}

function losingMomentum(readModels: SqliteReadModelStore, registry: MunicipalityRegistry, total: number) {
  const byReason = Object.fromEntries(MOMENTUM_REASONS.map((reason) => [reason, 0])) as Record<MomentumReason, number>;
  for (const [reason, n] of readCounts(readModels.db, COUNTS.momentumReasons, ['reason'] as const))
    byReason[reason as MomentumReason] = (byReason[reason as MomentumReason] ?? 0) + n;
  // The partial index is in the list's order and holds its values: only the rows listed are read, no document.
  const rows = readModels.db
    .prepare(
      `SELECT id, ${LOSING_MOMENTUM_SINCE}, ${LOSING_MOMENTUM_VALUES} FROM ${DIRECTORY_TABLE} INDEXED BY ${INDEX.losingMomentum}
       WHERE ${LOSING_MOMENTUM} ORDER BY ${LOSING_MOMENTUM_SINCE}, id LIMIT ${LIST_LIMIT}`,
    )
    .raw()
    .all() as [string, string | null, string | null, string | null, string | null][];
  const communes = rows.map(([nis, since, reasonsJson, planOpenedAt, sponsorNis]) => ({
    nis,
    name: nameOf(registry, nis),
    since,
    reasons: reasonsJson ? (JSON.parse(reasonsJson) as MomentumReason[]) : [],
    supportPlan: planOpenedAt !== null,
    sponsorNis,
  }));
  return { total, byReason, communes };
}

/** French name of a commune, current or dissolved by a merger; the code itself when unknown. */
export function nameOf(registry: MunicipalityRegistry, nis: string): string {
  return registry.byNis(nis)?.names.fr ?? registry.dissolved(nis)?.names.fr ?? nis;
}
