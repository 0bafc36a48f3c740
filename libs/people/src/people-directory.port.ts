import type { DirectoryEntry, Person, PersonPatch } from './domain/person';

/** Filter for `PeopleDirectory.list`. */
export interface PeopleQuery {
  /** Only the contacts of this commune (NIS code). */
  readonly nis?: string;
}

/**
 * The erasable directory of people. Events only carry `personId`; names, e-mails and phones live here so that a
 * person can be erased (GDPR art. 17) without rewriting any event.
 *
 * Rules every adapter keeps (checked by `describePeopleDirectoryContract`):
 * - e-mails are unique among people not erased, compared without regard to case (`DUPLICATE_EMAIL`): one human is
 *   one entry, with several communes and roles if need be;
 * - registering the same person again with identical details is a no-op (safe retries); with other details it fails
 *   with `PERSON_ALREADY_EXISTS`;
 * - erasure keeps a tombstone `{ personId, erasedAt }` for ever, so the id is never reused by someone else;
 * - returned objects are copies: changing them changes nothing in the directory.
 */
export interface PeopleDirectory {
  /** Adds a person. Throws `INVALID_PERSON`, `DUPLICATE_EMAIL`, `PERSON_ALREADY_EXISTS`, or `PERSON_ERASED`. */
  register(person: Person): Promise<Person>;

  /** The person, or its tombstone when erased. Throws `PERSON_NOT_FOUND` for an id never registered. */
  get(personId: string): Promise<DirectoryEntry>;

  /** Changes some details and returns the person as now stored. Throws `PERSON_NOT_FOUND`, `PERSON_ERASED`, `INVALID_PERSON`, `DUPLICATE_EMAIL`. */
  update(personId: string, patch: PersonPatch): Promise<Person>;

  /**
   * Removes name, e-mail, phone, language, roles and communes, keeping only the tombstone. Erasing twice keeps the
   * first erasure date. Throws `PERSON_NOT_FOUND` for an id never registered.
   */
  erase(personId: string): Promise<DirectoryEntry & { status: 'erased' }>;

  /**
   * The people to write to, in the order asked, each once. Erased and unknown ids are skipped: nobody can be
   * reached through them, and a reminder must still go to the others.
   */
  contactsOf(personIds: readonly string[]): Promise<Person[]>;

  /** People not erased, ordered by name then id; with `nis`, only the contacts of that commune. */
  list(query?: PeopleQuery): Promise<Person[]>;
}

/** Where the current time comes from (tests pass a fixed clock). */
export type Clock = () => Date;
