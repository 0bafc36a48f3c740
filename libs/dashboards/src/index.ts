// Public API of the dashboards lib: read models for the coordination's dashboards and the queries over them.
import { activityFeedProjection } from './projections/activity-feed.projection';
import { titleEventsProjection } from './projections/title-events.projection';

export { activityFeedProjection, type ActivityDoc } from './projections/activity-feed.projection';
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

/** The projections this lib adds to a node's projector (the commune directory comes from @cdce/communes). */
export const DASHBOARD_PROJECTIONS = [titleEventsProjection, activityFeedProjection] as const;
