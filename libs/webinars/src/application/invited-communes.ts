import { type CommuneStatus, communeDirectoryProjection } from '@cdce/communes';
import { SqliteReadModelStore } from '@cdce/projections';

/** Candidates (dossier in progress included) and titled communes: who is invited to the monthly webinars. */
export const INVITED_STATUSES: readonly CommuneStatus[] = [
  'candidate',
  'under_review',
  'changes_requested',
  'titled',
  'renewed',
  'losing_momentum',
  'renewal_under_review',
];

/**
 * The communes a webinar is for, from the commune directory read model (NIS codes, sorted). The application decides
 * this list, never the client: a COPIL cannot invite itself to a webinar, the coordination cannot forget a commune.
 */
export function invitedCommunes(readModels: SqliteReadModelStore): string[] {
  const table = SqliteReadModelStore.tableOf(communeDirectoryProjection);
  const exists = readModels.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return [];
  const marks = INVITED_STATUSES.map(() => '?').join(', ');
  return readModels.db
    .prepare(`SELECT id FROM ${table} WHERE status IN (${marks}) ORDER BY id`)
    .pluck()
    .all(...INVITED_STATUSES) as string[];
}

/** Titled communes and since when they hold their current title, for the momentum check. */
export function titledCommunes(readModels: SqliteReadModelStore): Array<{ nis: string; since: string | undefined }> {
  const table = SqliteReadModelStore.tableOf(communeDirectoryProjection);
  const exists = readModels.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return [];
  return (
    readModels.db
      .prepare(
        `SELECT id AS nis, first_titled_at AS since FROM ${table} WHERE status IN ('titled', 'renewed') ORDER BY id`,
      )
      .all() as Array<{ nis: string; since: string | null }>
  ).map(({ nis, since }) => ({ nis, since: since ?? undefined }));
}
