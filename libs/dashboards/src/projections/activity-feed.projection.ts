import { COMMUNE_STREAM_PREFIX } from '@cdce/communes';
import type { Projection } from '@cdce/projections';

/** One event of a commune's stream, as the activity feed lists it (no data: the history endpoint has it). */
export interface ActivityDoc {
  readonly position: string;
  readonly nis: string;
  readonly type: string;
  readonly actorRole: string;
  readonly recordedAt: string;
}

/**
 * The latest events across communes, one row per event keyed by its global position. Rows are small and indexed by
 * position (the feed is read newest first, a page at a time) and by commune then position (a COPIL's own feed).
 */
export const activityFeedProjection: Projection<ActivityDoc> = {
  name: 'activity-feed',
  version: 1,
  filter: { streamPrefixes: [COMMUNE_STREAM_PREFIX] },
  documentIdOf: (event) => event.position.toString(),
  evolve: (_doc, event) => ({
    position: event.position.toString(),
    nis: event.streamId.slice(COMMUNE_STREAM_PREFIX.length),
    type: event.type,
    actorRole: event.metadata.actor.role,
    recordedAt: event.metadata.recordedAt,
  }),
  columns: {
    position: { type: 'INTEGER', value: (doc) => Number(doc.position) },
    nis: { type: 'TEXT', value: (doc) => doc.nis },
  },
  indexes: [['position'], ['nis', 'position']],
};
