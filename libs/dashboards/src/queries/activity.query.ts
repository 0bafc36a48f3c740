import { COMMUNE_STREAM_PREFIX, communeStreamId } from '@cdce/communes';
import type { EventStore } from '@cdce/eventsourcing';
import type { MunicipalityRegistry } from '@cdce/reference';
import { activityLabel } from '../activity-labels';
import { nameOf } from './dashboard.query';

/** One event of a commune's stream, as the activity feed lists it (no data: the history endpoint has it). */
export interface ActivityItem {
  /** Its global position: pass the last one as `before` for the next page. */
  readonly position: string;
  readonly nis: string;
  readonly name: string;
  readonly type: string;
  /** One line of French for the event type. */
  readonly label: string;
  /** The token that acted: the web app names it by its label (`GET /api/actors`). */
  readonly actorId: string;
  readonly actorRole: string;
  readonly recordedAt: string;
}

export interface ActivityPage {
  readonly items: readonly ActivityItem[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  readonly nextBefore: string | null;
}

export interface ActivityQuery {
  /** Default 50, at most 200. */
  readonly limit?: number;
  /** Only events strictly before this global position (the previous page's `nextBefore`). */
  readonly before?: bigint;
  /** Only these communes (a COPIL's own); undefined for all. */
  readonly onlyNis?: readonly string[];
}

export const ACTIVITY_MAX_LIMIT = 200;

/**
 * The latest events of the communes' streams, newest first, one page at a time (keyset pagination on the position),
 * read from the log itself: the feed is the log's own order and columns, which the store already indexes (by
 * position, and by stream for a COPIL's communes). A read model copying it would hold a second log, cost as much to
 * rebuild as reading the log does, and lag behind it; this one is always current.
 */
export async function activityFeed(
  store: EventStore,
  registry: MunicipalityRegistry,
  query: ActivityQuery = {},
): Promise<ActivityPage> {
  const limit = Math.min(Math.max(1, query.limit ?? 50), ACTIVITY_MAX_LIMIT);
  const only = query.onlyNis;
  if (only && only.length === 0) return { items: [], nextBefore: null };
  const events = await store.readLatest({
    ...(only ? { streams: only.map(communeStreamId) } : { streamPrefixes: [COMMUNE_STREAM_PREFIX] }),
    ...(query.before !== undefined ? { before: query.before } : {}),
    maxCount: limit + 1,
  });
  const items = events.slice(0, limit).map((event): ActivityItem => {
    const nis = event.streamId.slice(COMMUNE_STREAM_PREFIX.length);
    return {
      position: event.position.toString(),
      nis,
      name: nameOf(registry, nis),
      type: event.type,
      label: activityLabel(event.type),
      actorId: event.metadata.actor.id,
      actorRole: event.metadata.actor.role,
      recordedAt: event.metadata.recordedAt,
    };
  });
  return { items, nextBefore: events.length > limit ? items.at(-1)!.position : null };
}
