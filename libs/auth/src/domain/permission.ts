/**
 * What a request may want to do. Commune-scoped permissions concern one commune (pass its NIS code to `can`);
 * the others concern the whole deployment.
 */
export const PERMISSIONS = [
  /** See a commune's state, dossier and dashboards. */
  'commune.read',
  /** Build the dossier, fill in the Fair-ô-mètre, answer reminders. */
  'commune.write',
  /** Review dossiers, award, renew or withdraw titles: decisions of the coordination. */
  'commune.review',
  /** Replay a commune's full history and verify its hash chain. */
  'history.read',
  /** See contacts (names, e-mails) of people. */
  'people.read',
  /** Register, change or erase people. */
  'people.write',
  /** Create, list and revoke API tokens. */
  'tokens.manage',
  /** Inspect and retry background queues (reminders, mail outbox). */
  'queues.admin',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Permissions that concern one commune, and so are limited by a copil token's communes. */
export const COMMUNE_PERMISSIONS: readonly Permission[] = [
  'commune.read',
  'commune.write',
  'commune.review',
  'history.read',
  'people.read',
  'people.write',
];

/** Permissions that only read. */
export const READ_PERMISSIONS: readonly Permission[] = ['commune.read', 'history.read', 'people.read'];

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}
