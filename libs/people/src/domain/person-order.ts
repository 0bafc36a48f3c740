import type { Person } from './person';

/** Order of listings: by name as a French reader expects (accents, case), then by id so the order is total. */
export function byNameThenId(a: Person, b: Person): number {
  return a.fullName.localeCompare(b.fullName, 'fr', { sensitivity: 'base' }) || (a.personId < b.personId ? -1 : 1);
}
