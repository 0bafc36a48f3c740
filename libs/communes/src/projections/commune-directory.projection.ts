import type { RecordedEvent } from '@cdce/eventsourcing';
import type { Projection } from '@cdce/projections';
import { communeDecider } from '../domain/commune.decider';
import type { CommuneEvent } from '../domain/commune.events';
import { foldCommune } from '../domain/commune.fold';
import type { Commune } from '../domain/commune.state';
import { COMMUNE_STREAM_PREFIX } from '../domain/nis';
import { summarise, summaryAfter, type CommuneSummary } from './commune-summary';

/** One row per commune that has a stream: its whole state (folded with the decider's own `evolve`) and a summary. */
export interface CommuneDirectoryDoc {
  readonly nis: string;
  readonly revision: string;
  readonly updatedAt: string;
  readonly state: Commune;
  readonly summary: CommuneSummary;
}

const known = new Set<string>(communeDecider.eventTypes);

/**
 * The commune directory. Folding with the decider's `evolve` means the read model can never disagree with what
 * the decider would decide on; the summary columns serve lists, filters and dashboards.
 */
export const communeDirectoryProjection: Projection<CommuneDirectoryDoc> = {
  name: 'commune-directory',
  version: 1,
  filter: { streamPrefixes: [COMMUNE_STREAM_PREFIX] },
  reads: ['data', 'recordedAt'],
  source: { module: __filename, exportName: 'communeDirectoryProjection' },
  documentIdOf: (event) => (known.has(event.type) ? event.streamId.slice(COMMUNE_STREAM_PREFIX.length) : undefined),
  documentPerStream: true,
  evolve: (doc, event: RecordedEvent) => {
    const state = communeDecider.evolve(doc?.state ?? communeDecider.initialState(), event as unknown as CommuneEvent);
    const nis = doc?.nis ?? event.streamId.slice(COMMUNE_STREAM_PREFIX.length);
    return {
      nis,
      revision: event.revision.toString(),
      updatedAt: event.metadata.recordedAt,
      state,
      summary: summarise(state, doc?.summary, event),
    };
  },
  // The same fold over a document's events of a batch: lists grown in place (foldCommune copies each list it grows
  // once, never changing `doc`'s), the summary derived once from the last state.
  evolveMany: (doc, events: readonly RecordedEvent[]) => {
    const state = foldCommune(events as unknown as CommuneEvent[], doc?.state ?? communeDecider.initialState());
    const last = events[events.length - 1]!;
    return {
      nis: doc?.nis ?? last.streamId.slice(COMMUNE_STREAM_PREFIX.length),
      revision: last.revision.toString(),
      updatedAt: last.metadata.recordedAt,
      state,
      summary: summaryAfter(state, doc?.summary, events),
    };
  },
  columns: {
    status: { type: 'TEXT', value: (doc) => doc.state.status },
    title_cycle: { type: 'INTEGER', value: (doc) => doc.summary.titleCycle },
    valid_until: { type: 'TEXT', value: (doc) => doc.summary.validUntil },
    last_grade: { type: 'TEXT', value: (doc) => doc.summary.lastGrade },
    open_alerts: { type: 'INTEGER', value: (doc) => doc.summary.openAlertReasons.length },
    sponsor_nis: { type: 'TEXT', value: (doc) => doc.summary.sponsorNis },
    candidacy_opened_at: { type: 'TEXT', value: (doc) => doc.summary.candidacyOpenedAt },
    first_titled_at: { type: 'TEXT', value: (doc) => doc.summary.firstTitledAt },
    updated_at: { type: 'TEXT', value: (doc) => doc.updatedAt },
  },
  indexes: [['status'], ['valid_until'], ['updated_at']],
};
