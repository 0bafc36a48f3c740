import type { Permission } from './permission';
import { COMMUNE_PERMISSIONS, READ_PERMISSIONS } from './permission';
import type { Principal } from './principal';
import type { Role } from './role';

/** What each role may do, before any commune limit. */
const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    'commune.read',
    'commune.write',
    'commune.review',
    'history.read',
    'people.read',
    'people.write',
    'tokens.manage',
    'queues.admin',
  ],
  coordination: [
    'commune.read',
    'commune.write',
    'commune.review',
    'history.read',
    'people.read',
    'people.write',
    'queues.admin',
  ],
  // Auditors check who decided what and when; contacts' e-mails and phones are not theirs to read (data minimisation):
  // events name people by id, and the directory stays with those who work with the communes.
  auditor: READ_PERMISSIONS.filter((permission) => permission !== 'people.read'),
  // A COPIL works on its own dossier; judging it belongs to the coordination.
  copil: ['commune.read', 'commune.write', 'history.read', 'people.read', 'people.write'],
};

/**
 * Whether `principal` may use `permission`, on commune `nis` when the permission concerns a commune.
 *
 * A `copil` principal only gets commune permissions for a `nis` among its communes: without a `nis` the answer is
 * `false`, so a caller listing several communes must ask for each (or filter by `principal.communes`).
 * Other roles are not limited by commune and the `nis` is ignored.
 */
export function can(principal: Principal, permission: Permission, nis?: string): boolean {
  const grants = GRANTS[principal.role];
  if (!grants || !grants.includes(permission)) return false;
  if (principal.role !== 'copil' || !COMMUNE_PERMISSIONS.includes(permission)) return true;
  return nis !== undefined && principal.communes.includes(nis);
}

/** Every permission a role has, for documentation and for showing what a token allows. */
export function permissionsOf(role: Role): readonly Permission[] {
  return GRANTS[role];
}
