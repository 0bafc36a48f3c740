import { can, permissionsOf } from './authorisation.policy';
import type { Permission } from './permission';
import { PERMISSIONS } from './permission';
import type { Principal } from './principal';
import type { Role } from './role';
import { ROLES } from './role';

const NAMUR = '92094';
const LIEGE = '62063';

const principal = (role: Role, communes: string[] = []): Principal => ({
  tokenId: `t-${role}`,
  role,
  communes,
  label: role,
});

/**
 * The expected answer for each role and permission, on the principal's own commune (Namur), on another commune
 * (Liège) and with no commune given. Written out in full rather than derived from the policy, so that any change to
 * the policy must be made here too.
 *   Y = allowed in all three cases, N = refused in all three, own = only on its own commune.
 */
type Expected = 'Y' | 'N' | 'own';
const MATRIX: Record<Role, Record<Permission, Expected>> = {
  admin: {
    'commune.read': 'Y',
    'commune.write': 'Y',
    'commune.review': 'Y',
    'history.read': 'Y',
    'people.read': 'Y',
    'people.write': 'Y',
    'tokens.manage': 'Y',
    'queues.admin': 'Y',
  },
  coordination: {
    'commune.read': 'Y',
    'commune.write': 'Y',
    'commune.review': 'Y',
    'history.read': 'Y',
    'people.read': 'Y',
    'people.write': 'Y',
    'tokens.manage': 'N',
    'queues.admin': 'Y',
  },
  auditor: {
    'commune.read': 'Y',
    'commune.write': 'N',
    'commune.review': 'N',
    'history.read': 'Y',
    'people.read': 'N',
    'people.write': 'N',
    'tokens.manage': 'N',
    'queues.admin': 'N',
  },
  copil: {
    'commune.read': 'own',
    'commune.write': 'own',
    'commune.review': 'N',
    'history.read': 'own',
    'people.read': 'own',
    'people.write': 'own',
    'tokens.manage': 'N',
    'queues.admin': 'N',
  },
};

const cases = ROLES.flatMap((role) =>
  PERMISSIONS.map((permission) => {
    const expected = MATRIX[role][permission];
    return {
      role,
      permission,
      own: expected !== 'N',
      other: expected === 'Y',
      none: expected === 'Y',
    };
  }),
);

describe('can(principal, permission, nis)', () => {
  it('has an expectation for every role and permission', () => {
    expect(cases).toHaveLength(ROLES.length * PERMISSIONS.length);
    expect(cases).toHaveLength(32);
  });

  describe.each(cases)('$role / $permission', ({ role, permission, own, other, none }) => {
    // Every principal holds Namur; only copil tokens are limited by it.
    const who = principal(role, role === 'copil' ? [NAMUR] : []);

    it(`on its own commune → ${own}`, () => expect(can(who, permission, NAMUR)).toBe(own));
    it(`on another commune → ${other}`, () => expect(can(who, permission, LIEGE)).toBe(other));
    it(`without a commune → ${none}`, () => expect(can(who, permission)).toBe(none));
  });

  it('lets a copil of several communes act on each of them', () => {
    const copil = principal('copil', [NAMUR, LIEGE]);
    expect(can(copil, 'commune.write', NAMUR)).toBe(true);
    expect(can(copil, 'commune.write', LIEGE)).toBe(true);
    expect(can(copil, 'commune.write', '21004')).toBe(false);
  });

  it('refuses everything on communes to a copil token without communes', () => {
    const copil = principal('copil', []);
    expect(PERMISSIONS.filter((permission) => can(copil, permission, NAMUR))).toEqual([]);
  });

  it('never lets a copil review, even its own commune', () => {
    expect(can(principal('copil', [NAMUR]), 'commune.review', NAMUR)).toBe(false);
  });

  it('refuses an unknown role rather than throwing', () => {
    expect(can({ ...principal('admin'), role: 'superuser' as Role }, 'commune.read')).toBe(false);
  });

  it('lists the permissions of a role', () => {
    expect(permissionsOf('auditor')).toEqual(['commune.read', 'history.read']);
  });
});
