import type { Role } from './role';

/** The caller behind a verified token. Carries no secret: safe to log and to put in an event's actor. */
export interface Principal {
  readonly tokenId: string;
  readonly role: Role;
  /** NIS codes a `copil` token is limited to; empty for every other role (they are not limited by commune). */
  readonly communes: readonly string[];
  /** Human label given at creation, e.g. "COPIL Namur — Anne". */
  readonly label: string;
}
