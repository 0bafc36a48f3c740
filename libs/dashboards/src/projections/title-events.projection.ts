import type { RecordedEvent } from '@cdce/eventsourcing';
import { brusselsDate, COMMUNE_STREAM_PREFIX, type CommuneEvent } from '@cdce/communes';
import type { Projection } from '@cdce/projections';

export const TITLE_EVENT_KINDS = ['awarded', 'renewed', 'lapsed', 'relinquished', 'withdrawn'] as const;
export type TitleEventKind = (typeof TITLE_EVENT_KINDS)[number];

/** One title decision: a title awarded, renewed or lost (lapsed, relinquished, withdrawn). */
export interface TitleEventDoc {
  readonly nis: string;
  readonly kind: TitleEventKind;
  readonly cycle: number;
  /** Belgian calendar day the decision took effect: `validFrom` for an award, the decision's instant otherwise. */
  readonly on: string;
  readonly year: number;
  readonly position: string;
}

const KIND_OF: Readonly<Record<string, TitleEventKind>> = {
  TitleAwarded: 'awarded',
  TitleRenewed: 'renewed',
  TitleLapsed: 'lapsed',
  TitleRelinquished: 'relinquished',
  TitleWithdrawn: 'withdrawn',
};

/**
 * One row per title decision, for the "titles awarded / renewed / lost per year" figure. The year is the business
 * one (the title's start, the decision's day in Brussels), not the append time: history imported later keeps its years.
 */
export const titleEventsProjection: Projection<TitleEventDoc> = {
  name: 'title-events',
  version: 1,
  filter: { streamPrefixes: [COMMUNE_STREAM_PREFIX], eventTypes: Object.keys(KIND_OF) },
  reads: ['id', 'data'],
  source: { module: __filename, exportName: 'titleEventsProjection' },
  documentIdOf: (event) => (KIND_OF[event.type] ? event.id : undefined),
  documentPerEvent: true,
  evolve: (doc, event) => titleEventOf(event) ?? doc,
  columns: {
    nis: { type: 'TEXT', value: (doc) => doc.nis },
    kind: { type: 'TEXT', value: (doc) => doc.kind },
    year: { type: 'INTEGER', value: (doc) => doc.year },
  },
  indexes: [['year', 'kind'], ['nis']],
};

function titleEventOf(recorded: RecordedEvent): TitleEventDoc | undefined {
  const kind = KIND_OF[recorded.type];
  if (!kind) return undefined;
  const event = recorded as unknown as CommuneEvent;
  const on = effectiveDay(event);
  if (on === undefined) return undefined;
  return {
    nis: recorded.streamId.slice(COMMUNE_STREAM_PREFIX.length),
    kind,
    cycle: 'cycle' in event.data ? (event.data.cycle as number) : 0,
    on,
    year: Number(on.slice(0, 4)),
    position: recorded.position.toString(),
  };
}

function effectiveDay(event: CommuneEvent): string | undefined {
  switch (event.type) {
    case 'TitleAwarded':
      return event.data.validFrom;
    case 'TitleRenewed':
      return brusselsDate(event.data.renewedAt);
    case 'TitleLapsed':
      return brusselsDate(event.data.lapsedAt);
    case 'TitleRelinquished':
      return brusselsDate(event.data.relinquishedAt);
    case 'TitleWithdrawn':
      return brusselsDate(event.data.withdrawnAt);
    default:
      return undefined;
  }
}
