import { communeDirectoryProjection } from '@cdce/communes';
import { SqliteReadModelStore } from '@cdce/projections';

/**
 * Covering indexes the dashboard queries need on the commune directory table. The directory's columns are stored
 * after its (large) JSON document, so any query that must read a row rather than an index walks the document's
 * overflow pages: with these, the figures are counted from the indexes alone. They change no row, so adding them
 * needs no rebuild. They belong in `communeDirectoryProjection.indexes`; until its owner moves them there, the
 * dashboard queries create them (idempotent, a few microseconds once they exist).
 */
export const DIRECTORY_DASHBOARD_INDEXES: readonly (readonly string[])[] = [
  // Counts by status and arrondissement (first digits of the id), and by status and renewal date.
  ['status', 'valid_until', 'id'],
  ['first_titled_at', 'candidacy_opened_at'],
];

export const DIRECTORY_TABLE = SqliteReadModelStore.tableOf(communeDirectoryProjection);

const ensured = new WeakSet<object>();

/** Creates the indexes above if they are missing (after a rebuild dropped the table, for instance). */
export function ensureDirectoryIndexes(readModels: SqliteReadModelStore): void {
  const { db } = readModels;
  const present = db
    .prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE ?`)
    .pluck()
    .get(DIRECTORY_TABLE, `${DIRECTORY_TABLE}__dash_%`) as number;
  if (present === DIRECTORY_DASHBOARD_INDEXES.length && ensured.has(db)) return;
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(DIRECTORY_TABLE);
  if (!exists) return;
  for (const columns of DIRECTORY_DASHBOARD_INDEXES) {
    const name = `${DIRECTORY_TABLE}__dash_${columns.join('_')}`;
    db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${DIRECTORY_TABLE} (${columns.map((c) => `"${c}"`).join(', ')})`);
  }
  ensured.add(db);
}
