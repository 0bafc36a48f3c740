// Public API of the dashboards lib: read models for the coordination's dashboards and the queries over them.
import { titleEventsProjection } from './projections/title-events.projection';

export {
  titleEventsProjection,
  TITLE_EVENT_KINDS,
  type TitleEventDoc,
  type TitleEventKind,
} from './projections/title-events.projection';
export { ACTIVITY_LABELS, activityLabel } from './activity-labels';
export * from './queries/dashboard.query';
export * from './queries/review-queue.query';
export * from './queries/partners.query';
export * from './queries/activity.query';
export { DIRECTORY_DASHBOARD_INDEXES, ensureDirectoryIndexes } from './queries/directory-indexes';

/**
 * The projections this lib adds to a node's projector (the commune directory comes from @cdce/communes). The
 * activity feed is no projection: it is read from the log (see `activityFeed`).
 */
export const DASHBOARD_PROJECTIONS = [titleEventsProjection] as const;

/**
 * Read models earlier versions kept and this one does not: a node drops their tables and checkpoints at start-up
 * (the activity feed, now read from the log, was a second copy of it: about a hundred bytes per event).
 */
export const RETIRED_PROJECTIONS = ['activity-feed'] as const;
