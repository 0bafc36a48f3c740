/**
 * Who holds a token:
 * - `coordination`: the CDCE staff; everything on communes, including review and decisions, but not token management;
 * - `copil`: a commune's steering committee; reads and writes only its own communes, never reviews;
 * - `auditor`: funders and evaluators; reads everything, writes nothing;
 * - `admin`: runs the deployment; everything, including tokens.
 */
export type Role = 'coordination' | 'copil' | 'auditor' | 'admin';

export const ROLES: readonly Role[] = ['coordination', 'copil', 'auditor', 'admin'];

/** Roles whose tokens are limited to a list of communes (NIS codes). */
export const COMMUNE_SCOPED_ROLES: readonly Role[] = ['copil'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
