import type { SqliteReadModelStore } from '@cdce/projections';
import {
  DAYS_TO_FIRST_TITLE,
  DIRECTORY_TABLE,
  HAS_FIRST_TITLE,
  IN_REVIEW,
  LOSING_MOMENTUM,
  LOSING_MOMENTUM_SINCE,
  LOSING_MOMENTUM_VALUES,
  SUBMITTED_AT,
  TITLE_EVENTS_TABLE,
} from './directory-expressions';
import { maintainedCountsReady, repairMaintainedCounts } from './maintained-counts';

export * from './directory-expressions';

/*
 * Indexes the dashboard queries need on the commune directory table. Its columns are stored after the (large) JSON
 * document, so a query that has to read rows walks the documents' overflow pages; with these the figures come from
 * indexes alone, and the few values taken from documents (alert reasons, submission dates) are computed once, when a
 * row is written, by expression indexes restricted to the rows concerned (partial indexes). They change no row: adding
 * them needs no rebuild. They would belong with `communeDirectoryProjection`, whose index list takes column names only;
 * until that grows expressions, the dashboard queries create them (idempotent, a few microseconds once they exist).
 * A query that relies on a partial index names it (INDEXED BY): its expressions must be written exactly as here.
 */

export const INDEX = {
  statusValidUntil: `${DIRECTORY_TABLE}__dash_status_valid_until`,
  daysToFirstTitle: `${DIRECTORY_TABLE}__dash_days_to_first_title`,
  losingMomentum: `${DIRECTORY_TABLE}__dash_losing_momentum_since`,
  reviewQueue: `${DIRECTORY_TABLE}__dash_review_queue`,
} as const;

/** name → definition (after `ON <table>`). */
export const DIRECTORY_DASHBOARD_INDEXES: Readonly<Record<string, string>> = {
  [INDEX.statusValidUntil]: '(status, valid_until, id)',
  // The median's walk inside one day of the days-to-first-title histogram (see maintained-counts).
  [INDEX.daysToFirstTitle]: `(${DAYS_TO_FIRST_TITLE}) WHERE ${HAS_FIRST_TITLE}`,
  [INDEX.losingMomentum]: `(${LOSING_MOMENTUM_SINCE}, id, ${LOSING_MOMENTUM_VALUES}) WHERE ${LOSING_MOMENTUM}`,
  [INDEX.reviewQueue]: `(${SUBMITTED_AT}, id) WHERE ${IN_REVIEW}`,
};

/**
 * Creates the indexes above and the counts kept beside the directory and title-event tables (maintained-counts) when
 * they are missing: on first use, and after a rebuild dropped a table (its indexes and triggers go with it). When all
 * are there, this costs one look at the schema.
 */
export function ensureDirectoryIndexes(readModels: SqliteReadModelStore): void {
  const { db } = readModels;
  const indexes = Object.keys(DIRECTORY_DASHBOARD_INDEXES);
  const present = db
    .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(JSON.stringify(indexes)) as number;
  if (present === indexes.length && maintainedCountsReady(db)) return;
  // IMMEDIATE: take the write lock before looking, so that no projector writes between the recount and the triggers.
  db.transaction(() => {
    for (const table of [DIRECTORY_TABLE, TITLE_EVENTS_TABLE]) {
      const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table);
      if (!exists) throw new Error(`The read model ${table} does not exist: is the projector set up?`);
    }
    for (const [name, definition] of Object.entries(DIRECTORY_DASHBOARD_INDEXES))
      db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${DIRECTORY_TABLE} ${definition}`);
    // Indexes of an older shape (same prefix, another name) would only slow writes down.
    const stale = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name GLOB ?`)
        .pluck()
        .all(DIRECTORY_TABLE, `${DIRECTORY_TABLE}__dash_*`) as string[]
    ).filter((name) => !indexes.includes(name));
    stale.forEach((name) => db.exec(`DROP INDEX ${name}`));
    if (!maintainedCountsReady(db)) repairMaintainedCounts(db);
  }).immediate();
}
