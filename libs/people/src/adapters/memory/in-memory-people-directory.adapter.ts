import {
  DuplicateEmailError,
  PersonAlreadyExistsError,
  PersonErasedError,
  PersonNotFoundError,
} from '../../domain/people.errors';
import type { DirectoryEntry, ErasedPerson, Person, PersonPatch } from '../../domain/person';
import { byNameThenId } from '../../domain/person-order';
import { applyPatch, emailKey, samePerson, validatePerson } from '../../domain/person.validation';
import type { Clock, PeopleDirectory, PeopleQuery } from '../../people-directory.port';

/** A people directory kept in memory: for tests and demos. Same rules as the SQLite adapter. */
export class InMemoryPeopleDirectory implements PeopleDirectory {
  private readonly entries = new Map<string, DirectoryEntry>();

  constructor(private readonly clock: Clock = () => new Date()) {}

  async register(input: Person): Promise<Person> {
    const person = validatePerson(input);
    const existing = this.entries.get(person.personId);
    if (existing?.status === 'erased') throw new PersonErasedError(existing.personId, existing.erasedAt);
    if (existing) {
      if (samePerson(strip(existing), person)) return copy(person);
      throw new PersonAlreadyExistsError(person.personId);
    }
    this.assertEmailFree(person);
    this.entries.set(person.personId, { status: 'active', ...copy(person) });
    return copy(person);
  }

  async get(personId: string): Promise<DirectoryEntry> {
    const entry = this.entries.get(personId);
    if (!entry) throw new PersonNotFoundError(personId);
    return entry.status === 'active' ? { status: 'active', ...copy(entry) } : { ...entry };
  }

  async update(personId: string, patch: PersonPatch): Promise<Person> {
    const person = applyPatch(this.active(personId), patch);
    this.assertEmailFree(person);
    this.entries.set(personId, { status: 'active', ...copy(person) });
    return copy(person);
  }

  async erase(personId: string): Promise<{ status: 'erased' } & ErasedPerson> {
    const entry = this.entries.get(personId);
    if (!entry) throw new PersonNotFoundError(personId);
    if (entry.status === 'erased') return { ...entry };
    const tombstone = { status: 'erased' as const, personId, erasedAt: this.clock().toISOString() };
    this.entries.set(personId, tombstone);
    return { ...tombstone };
  }

  async contactsOf(personIds: readonly string[]): Promise<Person[]> {
    const contacts: Person[] = [];
    for (const personId of new Set(personIds)) {
      const entry = this.entries.get(personId);
      if (entry?.status === 'active') contacts.push(copy(strip(entry)));
    }
    return contacts;
  }

  async list(query: PeopleQuery = {}): Promise<Person[]> {
    return [...this.entries.values()]
      .filter((entry): entry is DirectoryEntry & { status: 'active' } => entry.status === 'active')
      .filter((entry) => query.nis === undefined || entry.communes.includes(query.nis))
      .map((entry) => copy(strip(entry)))
      .sort(byNameThenId);
  }

  private active(personId: string): Person {
    const entry = this.entries.get(personId);
    if (!entry) throw new PersonNotFoundError(personId);
    if (entry.status === 'erased') throw new PersonErasedError(personId, entry.erasedAt);
    return strip(entry);
  }

  private assertEmailFree(person: Person): void {
    const key = emailKey(person.email);
    for (const entry of this.entries.values()) {
      if (entry.status === 'active' && entry.personId !== person.personId && emailKey(entry.email) === key) {
        throw new DuplicateEmailError(person.email, entry.personId);
      }
    }
  }
}

function strip({ status: _status, ...person }: DirectoryEntry & { status: 'active' }): Person {
  return person;
}

function copy(person: Person): Person {
  return { ...person, communes: [...person.communes], roles: [...person.roles] };
}
