import {
  addDays,
  brusselsDate,
  COMMUNE_STATUSES,
  type CommuneStatus,
  MOMENTUM_REASONS,
  type MomentumReason,
} from '@cdce/communes';
import { SqliteReadModelStore } from '@cdce/projections';
import type { MunicipalityRegistry, Region } from '@cdce/reference';
import { titleEventsProjection, TITLE_EVENT_KINDS, type TitleEventKind } from '../projections/title-events.projection';
import { daysBetween, DAYS_PER_MONTH } from './days';
import {
  DAYS_TO_FIRST_TITLE,
  DIRECTORY_TABLE,
  ensureDirectoryIndexes,
  HAS_FIRST_TITLE,
  INDEX,
  LOSING_MOMENTUM_VALUES,
} from './directory-indexes';
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
 * query time. Every count is an aggregate on an index; only the communes listed by name are read one by one.
 */
export function dashboardFigures(
  readModels: SqliteReadModelStore,
  registry: MunicipalityRegistry,
  now: Date,
): DashboardFigures {
  ensureDirectoryIndexes(readModels);
  const today = brusselsDate(now.toISOString());
  const areas = referenceAreas(registry);
  const { byStatus, byRegion, byProvince } = statusCounts(readModels, registry);
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
    losingMomentum: losingMomentum(readModels, registry),
  };
}

function emptyCounts(): StatusCounts {
  return Object.fromEntries(COMMUNE_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

function statusCounts(readModels: SqliteReadModelStore, registry: MunicipalityRegistry) {
  const areas = referenceAreas(registry);
  const rows = readModels.db
    .prepare(
      `SELECT status, substr(id, 1, 2) AS arrondissement, count(*) AS n FROM ${DIRECTORY_TABLE} INDEXED BY ${INDEX.statusArea} GROUP BY status, arrondissement`,
    )
    .all() as { status: CommuneStatus; arrondissement: string; n: number }[];
  const byStatus = emptyCounts();
  const provinces = new Map<string, ProvinceFigures>();
  for (const [key, { area, members }] of areas.membersByProvince) {
    provinces.set(key, { ...area, communes: members, byStatus: emptyCounts() });
  }
  const regions = new Map<Region, RegionFigures>();
  for (const [region, communes] of areas.membersByRegion)
    regions.set(region, { region, communes, byStatus: emptyCounts() });
  for (const { status, arrondissement, n } of rows) {
    byStatus[status] = (byStatus[status] ?? 0) + n;
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
  return { byStatus, byRegion: [...regions.values()], byProvince };
}

function titlesPerYear(readModels: SqliteReadModelStore): TitlesOfYear[] {
  const table = SqliteReadModelStore.tableOf(titleEventsProjection);
  const rows = readModels.db.prepare(`SELECT year, kind, count(*) AS n FROM ${table} GROUP BY year, kind`).all() as {
    year: number;
    kind: TitleEventKind;
    n: number;
  }[];
  const years = new Map<number, Record<TitleEventKind, number>>();
  for (const { year, kind, n } of rows) {
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
  const { db } = readModels;
  const communes = db
    .prepare(`SELECT count(*) FROM ${DIRECTORY_TABLE} INDEXED BY ${INDEX.daysToFirstTitle} WHERE ${HAS_FIRST_TITLE}`)
    .pluck()
    .get() as number;
  if (communes === 0) return { communes, medianMonths: null };
  // The median from the expression index: walk to the middle instead of sorting every commune's duration.
  const middle = db
    .prepare(
      `SELECT ${DAYS_TO_FIRST_TITLE} FROM ${DIRECTORY_TABLE} INDEXED BY ${INDEX.daysToFirstTitle} WHERE ${HAS_FIRST_TITLE}
       ORDER BY ${DAYS_TO_FIRST_TITLE} LIMIT ? OFFSET ?`,
    )
    .pluck()
    .all(communes % 2 ? 1 : 2, Math.floor((communes - 1) / 2)) as number[];
  const days = middle.reduce((sum, d) => sum + d, 0) / middle.length;
  return { communes, medianMonths: Math.round((days / DAYS_PER_MONTH) * 10) / 10 };
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

function losingMomentum(readModels: SqliteReadModelStore, registry: MunicipalityRegistry) {
  // The values come from the partial expression index: no document is read.
  const rows = readModels.db
    .prepare(
      `SELECT id, ${LOSING_MOMENTUM_VALUES} FROM ${DIRECTORY_TABLE} INDEXED BY ${INDEX.losingMomentum}
       WHERE status = 'losing_momentum'`,
    )
    .raw()
    .all() as [string, string | null, string | null, string | null, string | null][];
  const byReason = Object.fromEntries(MOMENTUM_REASONS.map((reason) => [reason, 0])) as Record<MomentumReason, number>;
  const communes = rows.map(([nis, since, reasonsJson, planOpenedAt, sponsorNis]) => {
    const reasons = reasonsJson ? (JSON.parse(reasonsJson) as MomentumReason[]) : [];
    for (const reason of reasons) byReason[reason] = (byReason[reason] ?? 0) + 1;
    return {
      nis,
      name: nameOf(registry, nis),
      since,
      reasons: reasons ?? [],
      supportPlan: planOpenedAt !== null,
      sponsorNis,
    };
  });
  communes.sort((a, b) => (a.since ?? '').localeCompare(b.since ?? '') || a.nis.localeCompare(b.nis));
  return { total: communes.length, byReason, communes: communes.slice(0, LIST_LIMIT) };
}

/** French name of a commune, current or dissolved by a merger; the code itself when unknown. */
export function nameOf(registry: MunicipalityRegistry, nis: string): string {
  return registry.byNis(nis)?.names.fr ?? registry.dissolved(nis)?.names.fr ?? nis;
}
