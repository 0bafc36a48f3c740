import { SqliteReadModelStore } from '@cdce/projections';
import type { MunicipalityRegistry } from '@cdce/reference';
import { activityLabel } from '../activity-labels';
import { activityFeedProjection, type ActivityDoc } from '../projections/activity-feed.projection';
import { nameOf } from './dashboard.query';

export interface ActivityItem extends ActivityDoc {
  readonly name: string;
  /** One line of French for the event type. */
  readonly label: string;
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

/** The latest events across communes, newest first, one page at a time (keyset pagination on the position). */
export function activityFeed(
  readModels: SqliteReadModelStore,
  registry: MunicipalityRegistry,
  query: ActivityQuery = {},
): ActivityPage {
  const limit = Math.min(Math.max(1, query.limit ?? 50), ACTIVITY_MAX_LIMIT);
  const table = SqliteReadModelStore.tableOf(activityFeedProjection);
  const before = query.before === undefined ? Number.MAX_SAFE_INTEGER : Number(query.before);
  const only = query.onlyNis;
  if (only && only.length === 0) return { items: [], nextBefore: null };
  const where = only ? `position < ? AND nis IN (${only.map(() => '?').join(', ')})` : 'position < ?';
  const docs = readModels.db
    .prepare(`SELECT doc FROM ${table} WHERE ${where} ORDER BY position DESC LIMIT ?`)
    .pluck()
    .all(before, ...(only ?? []), limit + 1) as string[];
  const page = docs.slice(0, limit).map((json) => {
    const doc = JSON.parse(json) as ActivityDoc;
    return { ...doc, name: nameOf(registry, doc.nis), label: activityLabel(doc.type) };
  });
  return { items: page, nextBefore: docs.length > limit ? page.at(-1)!.position : null };
}
