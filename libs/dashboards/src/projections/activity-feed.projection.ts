import { COMMUNE_STREAM_PREFIX } from '@cdce/communes';
import type { Projection } from '@cdce/projections';

/** One event of a commune's stream, as the activity feed lists it (no data: the history endpoint has it). */
export interface ActivityDoc {
  readonly position: string;
  readonly nis: string;
  readonly type: string;
  /** The token that acted: the web app names it by its label (`GET /api/actors`). */
  readonly actorId: string;
  readonly actorRole: string;
  readonly recordedAt: string;
}

/**
 * The latest events across communes, one row per event keyed by its global position. The position is the table's
 * INTEGER key (its rowid): rows are stored newest last, so the feed is read newest first, a page at a time, without a
 * separate index; an index on commune then position serves a COPIL's own feed. Each field is a column and SQL gives
 * the document back from them: a row is written once and holds no JSON text.
 */
export const activityFeedProjection: Projection<ActivityDoc> = {
  name: 'activity-feed',
  version: 4,
  filter: { streamPrefixes: [COMMUNE_STREAM_PREFIX] },
  reads: ['actor', 'recordedAt'],
  source: { module: __filename, exportName: 'activityFeedProjection' },
  documentIdOf: (event) => event.position.toString(),
  key: { column: 'position', type: 'INTEGER' },
  documentPerEvent: true,
  evolve: (_doc, event) => ({
    position: event.position.toString(),
    nis: event.streamId.slice(COMMUNE_STREAM_PREFIX.length),
    type: event.type,
    actorId: event.metadata.actor.id,
    actorRole: event.metadata.actor.role,
    recordedAt: event.metadata.recordedAt,
  }),
  columns: {
    nis: { type: 'TEXT', value: (doc) => doc.nis },
    type: { type: 'TEXT', value: (doc) => doc.type },
    actor_id: { type: 'TEXT', value: (doc) => doc.actorId },
    actor_role: { type: 'TEXT', value: (doc) => doc.actorRole },
    recorded_at: { type: 'TEXT', value: (doc) => doc.recordedAt },
  },
  documentSql: `json_object('position', CAST(position AS TEXT), 'nis', nis, 'type', type, 'actorId', actor_id, 'actorRole', actor_role, 'recordedAt', recorded_at)`,
  indexes: [['nis', 'position']],
};
