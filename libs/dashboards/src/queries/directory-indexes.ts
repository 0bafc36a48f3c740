import { communeDirectoryProjection } from '@cdce/communes';
import { SqliteReadModelStore } from '@cdce/projections';

export const DIRECTORY_TABLE = SqliteReadModelStore.tableOf(communeDirectoryProjection);

/*
 * Indexes the dashboard queries need on the commune directory table. Its columns are stored after the (large) JSON
 * document, so a query that has to read rows walks the documents' overflow pages; with these the figures come from
 * indexes alone, and the few values taken from documents (alert reasons, submission dates) are computed once, when a
 * row is written, by expression indexes restricted to the rows concerned (partial indexes). They change no row: adding
 * them needs no rebuild. They would belong with `communeDirectoryProjection`, whose index list takes column names only;
 * until that grows expressions, the dashboard queries create them (idempotent, a few microseconds once they exist).
 * A query that relies on a partial index names it (INDEXED BY): its expressions must be written exactly as here.
 */

/** Months (in days) from the first candidacy to the first title, for the median. */
export const DAYS_TO_FIRST_TITLE = '(julianday(first_titled_at) - julianday(candidacy_opened_at))';
export const HAS_FIRST_TITLE = 'first_titled_at IS NOT NULL AND candidacy_opened_at IS NOT NULL';
/** Since when, why, whether a plan is open and who sponsors: what the dashboard shows of a commune losing momentum. */
export const LOSING_MOMENTUM_VALUES = [
  `json_extract(doc, '$.state.momentum.since')`,
  `json_extract(doc, '$.summary.openAlertReasons')`,
  `json_extract(doc, '$.state.momentum.supportPlan.openedAt')`,
  `json_extract(doc, '$.summary.sponsorNis')`,
].join(', ');
/** When the dossier under review (candidacy or Fair-ô-mètre) was submitted: the review queue's order. */
export const SUBMITTED_AT = `coalesce(json_extract(doc, '$.state.dossier.submittedAt'), json_extract(doc, '$.state.fairOMeter.submittedAt'))`;
export const IN_REVIEW = `status IN ('under_review', 'renewal_under_review')`;

export const INDEX = {
  statusArea: `${DIRECTORY_TABLE}__dash_status_area_id`,
  statusValidUntil: `${DIRECTORY_TABLE}__dash_status_valid_until`,
  daysToFirstTitle: `${DIRECTORY_TABLE}__dash_days_to_first_title`,
  losingMomentum: `${DIRECTORY_TABLE}__dash_losing_momentum`,
  reviewQueue: `${DIRECTORY_TABLE}__dash_review_queue`,
} as const;

/** name → definition (after `ON <table>`). */
export const DIRECTORY_DASHBOARD_INDEXES: Readonly<Record<string, string>> = {
  // Counts by status and arrondissement (the NIS code's first two digits name it); `id` makes the index covering.
  [INDEX.statusArea]: '(status, substr(id, 1, 2), id)',
  [INDEX.statusValidUntil]: '(status, valid_until, id)',
  [INDEX.daysToFirstTitle]: `(${DAYS_TO_FIRST_TITLE}) WHERE ${HAS_FIRST_TITLE}`,
  [INDEX.losingMomentum]: `(${LOSING_MOMENTUM_VALUES}, id) WHERE status = 'losing_momentum'`,
  [INDEX.reviewQueue]: `(${SUBMITTED_AT}, id) WHERE ${IN_REVIEW}`,
};

const ensured = new WeakSet<object>();

/** Creates the indexes above if they are missing (after a rebuild dropped the table, for instance). */
export function ensureDirectoryIndexes(readModels: SqliteReadModelStore): void {
  const { db } = readModels;
  const names = Object.keys(DIRECTORY_DASHBOARD_INDEXES);
  if (ensured.has(db)) {
    const present = db
      .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE ?`)
      .pluck()
      .get(DIRECTORY_TABLE, `${DIRECTORY_TABLE}__dash_%`) as number;
    if (present === names.length) return;
  }
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(DIRECTORY_TABLE);
  if (!exists) throw new Error(`The read model ${DIRECTORY_TABLE} does not exist: is the projector set up?`);
  db.transaction(() => {
    for (const [name, definition] of Object.entries(DIRECTORY_DASHBOARD_INDEXES))
      db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${DIRECTORY_TABLE} ${definition}`);
    // Indexes of an older shape (same prefix, another name) would only slow writes down.
    const stale = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE ?`)
        .pluck()
        .all(DIRECTORY_TABLE, `${DIRECTORY_TABLE}__dash_%`) as string[]
    ).filter((name) => !names.includes(name));
    stale.forEach((name) => db.exec(`DROP INDEX ${name}`));
  })();
  ensured.add(db);
}
