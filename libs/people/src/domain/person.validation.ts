import { InvalidPersonError } from './people.errors';
import type { Person, PersonLanguage, PersonPatch } from './person';
import { PERSON_LANGUAGES } from './person';

type Problem = { field: string; problem: string };

// Same alphabet as stream names: the id travels in events and URLs.
const PERSON_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
// Deliberately simple: one @, no spaces, a dot in the domain. Whether the mailbox exists is only known by writing to it.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9][0-9 ./()-]{5,24}$/;
const NIS = /^\d{5}$/;
const MAX_NAME = 200;
const MAX_ROLE = 100;

/** The key under which e-mails are compared for uniqueness: addresses differing only by case are one mailbox in practice. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a person and returns it normalised (trimmed texts, sorted unique communes, unique roles).
 * Throws `InvalidPersonError` listing every problem at once, so a form can show them all.
 */
export function validatePerson(input: Person): Person {
  const problems: Problem[] = [];
  const check = (ok: boolean, field: string, problem: string) => ok || problems.push({ field, problem });
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

  const personId = typeof input.personId === 'string' ? input.personId : '';
  check(PERSON_ID.test(personId), 'personId', 'must be 1-100 letters, digits, "-", "_", "." or ":"');
  const fullName = text(input.fullName);
  check(fullName.length > 0 && fullName.length <= MAX_NAME, 'fullName', `must be 1-${MAX_NAME} characters`);
  const email = text(input.email);
  check(email.length <= 254 && EMAIL.test(email), 'email', 'is not an e-mail address');
  const phone = input.phone === undefined ? undefined : text(input.phone);
  check(phone === undefined || PHONE.test(phone), 'phone', 'is not a phone number');
  check(PERSON_LANGUAGES.includes(input.language), 'language', `must be one of ${PERSON_LANGUAGES.join(', ')}`);
  const communes = Array.isArray(input.communes) ? input.communes : [];
  check(Array.isArray(input.communes), 'communes', 'must be a list of NIS codes');
  check(
    communes.every((nis) => typeof nis === 'string' && NIS.test(nis)),
    'communes',
    'must contain 5-digit NIS codes',
  );
  const roles = Array.isArray(input.roles) ? input.roles.map(text) : [];
  check(Array.isArray(input.roles), 'roles', 'must be a list of texts');
  check(
    roles.every((role) => role.length > 0 && role.length <= MAX_ROLE),
    'roles',
    `must be 1-${MAX_ROLE} characters each`,
  );
  if (problems.length > 0) throw new InvalidPersonError(problems);

  return {
    personId,
    fullName,
    email,
    ...(phone !== undefined ? { phone } : {}),
    language: input.language as PersonLanguage,
    communes: [...new Set(communes)].sort(),
    roles: [...new Set(roles)],
  };
}

/** Applies a patch and validates the result. `phone: null` removes the phone; `personId` cannot change. */
export function applyPatch(person: Person, patch: PersonPatch): Person {
  const { phone, ...rest } = patch;
  const { phone: currentPhone, ...current } = person;
  const nextPhone = phone === null ? undefined : (phone ?? currentPhone);
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  return validatePerson({
    ...current,
    ...defined,
    ...(nextPhone !== undefined ? { phone: nextPhone } : {}),
    personId: person.personId,
  });
}

/** Whether two validated people hold the same details (a retried registration). */
export function samePerson(a: Person, b: Person): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(person: Person): unknown[] {
  return [
    person.personId,
    person.fullName,
    person.email,
    person.phone ?? null,
    person.language,
    person.communes,
    person.roles,
  ];
}
