import { communeDirectoryProjection } from '@cdce/communes';
import { SqliteReadModelStore } from '@cdce/projections';
import { titleEventsProjection } from '../projections/title-events.projection';

/*
 * The tables the dashboard queries read and the SQL expressions they share with the indexes and the maintained
 * counts built on them: an index on an expression serves a query only when the query writes it exactly the same way.
 */

export const DIRECTORY_TABLE = SqliteReadModelStore.tableOf(communeDirectoryProjection);
export const TITLE_EVENTS_TABLE = SqliteReadModelStore.tableOf(titleEventsProjection);

/** A directory row in an expression: unqualified in indexes and queries, `NEW`/`OLD` in a trigger, an alias in a join. */
export type Row = string | undefined;
export const columnOf = (row: Row, name: string) => (row ? `${row}.${name}` : name);

/** Days from the first candidacy to the first title, for the median. */
export const daysToFirstTitle = (row?: Row) =>
  `(julianday(${columnOf(row, 'first_titled_at')}) - julianday(${columnOf(row, 'candidacy_opened_at')}))`;
export const hasFirstTitle = (row?: Row) =>
  `${columnOf(row, 'first_titled_at')} IS NOT NULL AND ${columnOf(row, 'candidacy_opened_at')} IS NOT NULL`;
export const DAYS_TO_FIRST_TITLE = daysToFirstTitle();
export const HAS_FIRST_TITLE = hasFirstTitle();
/** The reasons of a commune's open alerts (a JSON array), counted by reason for the communes losing momentum. */
export const openAlertReasons = (row?: Row) => `json_extract(${columnOf(row, 'doc')}, '$.summary.openAlertReasons')`;
export const LOSING_MOMENTUM = `status = 'losing_momentum'`;
/**
 * Since when, why, whether a plan is open and who sponsors: what the dashboard lists of a commune losing momentum,
 * longest in difficulty first (the index's order: since, then code).
 */
export const LOSING_MOMENTUM_SINCE = `json_extract(doc, '$.state.momentum.since')`;
export const LOSING_MOMENTUM_VALUES = [
  openAlertReasons(),
  `json_extract(doc, '$.state.momentum.supportPlan.openedAt')`,
  'sponsor_nis',
].join(', ');
/** When the dossier under review (candidacy or Fair-ô-mètre) was submitted: the review queue's order. */
export const SUBMITTED_AT = `coalesce(json_extract(doc, '$.state.dossier.submittedAt'), json_extract(doc, '$.state.fairOMeter.submittedAt'))`;
export const IN_REVIEW = `status IN ('under_review', 'renewal_under_review')`;
