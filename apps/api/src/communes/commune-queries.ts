import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import {
  campaignCommune,
  type CommuneSummary,
  communeDirectoryProjection,
  MUNICIPALITIES,
  readCommune,
  readCommuneHistory,
} from '@cdce/communes';
import { EVENT_STORE, type EventStore, verifyHashChain, type RecordedEvent } from '@cdce/eventsourcing';
import { SqliteReadModelStore } from '@cdce/projections';
import { type Municipality, MunicipalityRegistry, normaliseName } from '@cdce/reference';
import type { ListCommunesQueryDto } from './dto/list-communes.query.dto';

/** One collator per language for every sort: `localeCompare` with a locale builds one per comparison. */
const COLLATORS = { fr: new Intl.Collator('fr'), nl: new Intl.Collator('nl'), de: new Intl.Collator('de') } as const;

export interface CommuneListItem {
  readonly nis: string;
  readonly names: Municipality['names'];
  readonly province: string | null;
  readonly region: string;
  readonly population: number;
  readonly status: string;
  readonly titleCycle: number | null;
  readonly validUntil: string | null;
  readonly lastGrade: string | null;
  readonly openAlertReasons: readonly string[];
  readonly sponsorNis: string | null;
  readonly revision: string | null;
  readonly updatedAt: string | null;
}

/** Reads for the HTTP edge: the directory read model joined with the reference data, and streams folded on demand. */
@Injectable()
export class CommuneQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(MUNICIPALITIES) private readonly municipalities: MunicipalityRegistry,
    private readonly readModels: SqliteReadModelStore,
  ) {}

  /** The campaign's communes with their status; communes never engaged are listed as `not_engaged`. */
  list(query: ListCommunesQueryDto, onlyNis?: readonly string[]): { total: number; items: CommuneListItem[] } {
    const members = this.municipalities.campaignMembers().filter((m) => !onlyNis || onlyNis.includes(m.nis));
    const docs = this.directory(members.map((m) => m.nis));
    const needle = query.q ? normaliseName(query.q) : undefined;
    const items = members
      .map((m) => toItem(m, docs.get(m.nis)))
      .filter((item) => !query.status || item.status === query.status)
      .filter((item) => !query.province || item.province === query.province)
      .filter((item) => !query.region || item.region === query.region)
      .filter(
        (item) =>
          !needle || [item.names.fr, item.names.nl, item.names.de ?? ''].some((n) => normaliseName(n).includes(needle)),
      );
    items.sort(comparator(query.sort ?? 'name', query.lang ?? 'fr'));
    const offset = query.offset ?? 0;
    return { total: items.length, items: items.slice(offset, offset + (query.limit ?? 100)) };
  }

  async state(nis: string, at: { revision?: string; at?: string } = {}) {
    const commune = campaignCommune(this.municipalities, nis);
    const options = {
      ...(at.revision !== undefined ? { revision: parseRevision(at.revision) } : {}),
      ...(at.at !== undefined ? { at: parseInstant(at.at) } : {}),
    };
    const { revision, state, recordedAt } = await readCommune(this.store, nis, options);
    return {
      nis,
      name: commune.nameFr,
      revision: revision.toString(),
      asOf: recordedAt,
      state,
    };
  }

  async history(nis: string) {
    const commune = campaignCommune(this.municipalities, nis);
    const { events, revision } = await readCommuneHistory(this.store, nis);
    let integrity: { verified: boolean; lastHash?: string; problem?: string };
    try {
      integrity = { verified: true, lastHash: verifyHashChain(events) };
    } catch (error) {
      integrity = { verified: false, problem: (error as Error).message };
    }
    return { nis, name: commune.nameFr, revision: revision.toString(), integrity, events: events.map(toHistoryEntry) };
  }

  /**
   * The list's columns of the communes asked for that have a stream, looked up by key: the directory may hold many
   * more rows than a list shows. Only the small summary is taken out of each document (by SQLite), never the whole
   * folded state: a list must not parse every commune's history.
   */
  private directory(nis: readonly string[]): Map<string, DirectoryEntry> {
    const table = SqliteReadModelStore.tableOf(communeDirectoryProjection);
    const rows = this.readModels.db
      .prepare(
        `SELECT id, status, json_extract(doc, '$.summary') AS summary, json_extract(doc, '$.revision') AS revision, updated_at
         FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(nis)) as {
      id: string;
      status: string;
      summary: string;
      revision: string;
      updated_at: string;
    }[];
    return new Map(
      rows.map((row) => [
        row.id,
        {
          status: row.status,
          summary: JSON.parse(row.summary) as CommuneSummary,
          revision: row.revision,
          updatedAt: row.updated_at,
        },
      ]),
    );
  }
}

interface DirectoryEntry {
  readonly status: string;
  readonly summary: CommuneSummary;
  readonly revision: string;
  readonly updatedAt: string;
}

function toItem(m: Municipality, doc: DirectoryEntry | undefined): CommuneListItem {
  return {
    nis: m.nis,
    names: m.names,
    province: m.province?.fr ?? null,
    region: m.region,
    population: m.population,
    status: doc?.status ?? 'not_engaged',
    titleCycle: doc?.summary.titleCycle ?? null,
    validUntil: doc?.summary.validUntil ?? null,
    lastGrade: doc?.summary.lastGrade ?? null,
    openAlertReasons: doc?.summary.openAlertReasons ?? [],
    sponsorNis: doc?.summary.sponsorNis ?? null,
    revision: doc?.revision ?? null,
    updatedAt: doc?.updatedAt ?? null,
  };
}

/** Ties, and the `name` sort, go by the name the reader sees: in their language (French when there is none). */
function comparator(
  sort: NonNullable<ListCommunesQueryDto['sort']>,
  language: NonNullable<ListCommunesQueryDto['lang']>,
): (a: CommuneListItem, b: CommuneListItem) => number {
  const collator = COLLATORS[language];
  const nameOf = (item: CommuneListItem) => item.names[language] ?? item.names.fr;
  const byName = (a: CommuneListItem, b: CommuneListItem) => collator.compare(nameOf(a), nameOf(b));
  switch (sort) {
    case 'population':
      return (a, b) => b.population - a.population || byName(a, b);
    case 'status':
      return (a, b) => a.status.localeCompare(b.status) || byName(a, b);
    case 'validUntil':
      return (a, b) => (a.validUntil ?? '9999').localeCompare(b.validUntil ?? '9999') || byName(a, b);
    case 'updatedAt':
      return (a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '') || byName(a, b);
    default:
      return byName;
  }
}

function toHistoryEntry(event: RecordedEvent) {
  return {
    id: event.id,
    type: event.type,
    revision: event.revision.toString(),
    position: event.position.toString(),
    data: event.data,
    metadata: event.metadata,
  };
}

function parseRevision(value: string): bigint {
  if (!/^\d{1,18}$/.test(value)) {
    throw new BadRequestException({
      code: 'INVALID_REVISION',
      detail: `revision must be a whole number ≥ 0, not ${JSON.stringify(value)}.`,
    });
  }
  return BigInt(value);
}

function parseInstant(value: string): Date {
  // A bare date means "at the end of that day" in UTC: the state once that day's events were recorded.
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
  if (Number.isNaN(instant.getTime())) {
    throw new BadRequestException({
      code: 'INVALID_DATE',
      detail: `at must be an ISO 8601 date or instant (2020-06-30), not ${JSON.stringify(value)}.`,
    });
  }
  return instant;
}
