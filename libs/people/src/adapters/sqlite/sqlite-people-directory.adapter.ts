import Database from 'better-sqlite3';
import {
  DuplicateEmailError,
  PeopleDirectoryError,
  PersonAlreadyExistsError,
  PersonErasedError,
  PersonNotFoundError,
} from '../../domain/people.errors';
import type { DirectoryEntry, ErasedPerson, Person, PersonLanguage, PersonPatch } from '../../domain/person';
import { byNameThenId } from '../../domain/person-order';
import { applyPatch, emailKey, samePerson, validatePerson } from '../../domain/person.validation';
import type { Clock, PeopleDirectory, PeopleQuery } from '../../people-directory.port';

const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS people (
    person_id TEXT PRIMARY KEY,
    full_name TEXT,
    email TEXT,
    -- Lower-cased e-mail; NULL once erased, and SQLite lets NULLs repeat under UNIQUE.
    email_key TEXT UNIQUE,
    phone TEXT,
    language TEXT,
    roles TEXT NOT NULL DEFAULT '[]',
    erased_at TEXT
  ) STRICT;
  CREATE TABLE IF NOT EXISTS person_communes (
    nis TEXT NOT NULL,
    person_id TEXT NOT NULL REFERENCES people (person_id),
    PRIMARY KEY (nis, person_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS person_communes_by_person ON person_communes (person_id);
`;

interface PersonRow {
  person_id: string;
  full_name: string | null;
  email: string | null;
  phone: string | null;
  language: string | null;
  roles: string;
  erased_at: string | null;
  communes: string | null;
}

/** Raised when the file is not a people directory this version understands; nothing was written. */
export class PeopleStoreUnavailableError extends PeopleDirectoryError {
  readonly code = 'PEOPLE_STORE_UNAVAILABLE';
  constructor(
    readonly location: string,
    reason: string,
  ) {
    super(`People directory at ${location} cannot be used: ${reason}`);
  }
}

export interface SqlitePeopleDirectoryOptions {
  readonly clock?: Clock;
}

/**
 * The people directory in a SQLite file (WAL). Erasure is physical: `secure_delete` overwrites freed content with
 * zeros and the WAL is checkpointed right after, so an erased e-mail does not linger in the file's free pages.
 */
export class SqlitePeopleDirectory implements PeopleDirectory {
  private readonly clock: Clock;

  private constructor(
    private readonly db: Database.Database,
    options: SqlitePeopleDirectoryOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Opens (creating if needed) the directory in `path`. */
  static open(path: string, options: SqlitePeopleDirectoryOptions = {}): SqlitePeopleDirectory {
    const db = new Database(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      db.pragma('secure_delete = ON');
      migrate(db, path);
    } catch (error) {
      db.close();
      if (error instanceof PeopleDirectoryError) throw error;
      throw new PeopleStoreUnavailableError(path, (error as Error).message);
    }
    return new SqlitePeopleDirectory(db, options);
  }

  close(): void {
    this.db.close();
  }

  async register(input: Person): Promise<Person> {
    const person = validatePerson(input);
    this.db
      .transaction(() => {
        const existing = this.row(person.personId);
        if (existing) {
          const entry = toEntry(existing);
          if (entry.status === 'erased') throw new PersonErasedError(entry.personId, entry.erasedAt);
          if (samePerson(strip(entry), person)) return;
          throw new PersonAlreadyExistsError(person.personId);
        }
        this.assertEmailFree(person);
        this.db.prepare('INSERT INTO people (person_id) VALUES (?)').run(person.personId);
        this.write(person);
      })
      .immediate();
    return person;
  }

  async get(personId: string): Promise<DirectoryEntry> {
    const row = this.row(personId);
    if (!row) throw new PersonNotFoundError(personId);
    return toEntry(row);
  }

  async update(personId: string, patch: PersonPatch): Promise<Person> {
    return this.db
      .transaction(() => {
        const person = applyPatch(this.active(personId), patch);
        this.assertEmailFree(person);
        this.write(person);
        return person;
      })
      .immediate();
  }

  async erase(personId: string): Promise<{ status: 'erased' } & ErasedPerson> {
    const tombstone = this.db
      .transaction(() => {
        const row = this.row(personId);
        if (!row) throw new PersonNotFoundError(personId);
        if (row.erased_at !== null) return { status: 'erased' as const, personId, erasedAt: row.erased_at };
        const erasedAt = this.clock().toISOString();
        this.db.prepare('DELETE FROM person_communes WHERE person_id = ?').run(personId);
        this.db
          .prepare(
            `UPDATE people SET full_name = NULL, email = NULL, email_key = NULL, phone = NULL, language = NULL,
               roles = '[]', erased_at = ? WHERE person_id = ?`,
          )
          .run(erasedAt, personId);
        return { status: 'erased' as const, personId, erasedAt };
      })
      .immediate();
    // Copy the zeroed pages into the main file and empty the WAL, where the old page images still hold the data.
    // Best effort: a long-running reader elsewhere can delay it until the next checkpoint.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return tombstone;
  }

  async contactsOf(personIds: readonly string[]): Promise<Person[]> {
    const contacts: Person[] = [];
    for (const personId of new Set(personIds)) {
      const row = this.row(personId);
      if (row && row.erased_at === null) contacts.push(strip(toEntry(row) as DirectoryEntry & { status: 'active' }));
    }
    return contacts;
  }

  async list(query: PeopleQuery = {}): Promise<Person[]> {
    const rows =
      query.nis === undefined
        ? this.db.prepare(`${SELECT_PERSON} WHERE p.erased_at IS NULL`).all()
        : this.db
            .prepare(
              `${SELECT_PERSON} WHERE p.erased_at IS NULL
                 AND p.person_id IN (SELECT person_id FROM person_communes WHERE nis = ?)`,
            )
            .all(query.nis);
    return (rows as PersonRow[])
      .map((row) => strip(toEntry(row) as DirectoryEntry & { status: 'active' }))
      .sort(byNameThenId);
  }

  private row(personId: string): PersonRow | undefined {
    return this.db.prepare(`${SELECT_PERSON} WHERE p.person_id = ?`).get(personId) as PersonRow | undefined;
  }

  private active(personId: string): Person {
    const row = this.row(personId);
    if (!row) throw new PersonNotFoundError(personId);
    const entry = toEntry(row);
    if (entry.status === 'erased') throw new PersonErasedError(personId, entry.erasedAt);
    return strip(entry);
  }

  private assertEmailFree(person: Person): void {
    const owner = this.db
      .prepare('SELECT person_id FROM people WHERE email_key = ? AND person_id <> ?')
      .get(emailKey(person.email), person.personId) as { person_id: string } | undefined;
    if (owner) throw new DuplicateEmailError(person.email, owner.person_id);
  }

  /** Writes every field of an existing row, communes included; runs inside the caller's transaction. */
  private write(person: Person): void {
    this.db
      .prepare(
        `UPDATE people SET full_name = ?, email = ?, email_key = ?, phone = ?, language = ?, roles = ?
           WHERE person_id = ?`,
      )
      .run(
        person.fullName,
        person.email,
        emailKey(person.email),
        person.phone ?? null,
        person.language,
        JSON.stringify(person.roles),
        person.personId,
      );
    this.db.prepare('DELETE FROM person_communes WHERE person_id = ?').run(person.personId);
    const insert = this.db.prepare('INSERT INTO person_communes (nis, person_id) VALUES (?, ?)');
    for (const nis of person.communes) insert.run(nis, person.personId);
  }
}

const SELECT_PERSON = `
  SELECT p.person_id, p.full_name, p.email, p.phone, p.language, p.roles, p.erased_at,
         (SELECT json_group_array(nis) FROM (SELECT nis FROM person_communes c WHERE c.person_id = p.person_id ORDER BY nis))
           AS communes
  FROM people p`;

function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new PeopleStoreUnavailableError(
      path,
      `schema version ${version} is newer than this version knows (${SCHEMA_VERSION})`,
    );
  }
  if (version === 0) {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    if (tables.some((t) => t.name !== 'people' && t.name !== 'person_communes')) {
      throw new PeopleStoreUnavailableError(path, 'the file holds other tables: it is not a people directory');
    }
  }
  db.transaction(() => {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function toEntry(row: PersonRow): DirectoryEntry {
  if (row.erased_at !== null) return { status: 'erased', personId: row.person_id, erasedAt: row.erased_at };
  return {
    status: 'active',
    personId: row.person_id,
    fullName: row.full_name ?? '',
    email: row.email ?? '',
    ...(row.phone !== null ? { phone: row.phone } : {}),
    language: row.language as PersonLanguage,
    communes: JSON.parse(row.communes ?? '[]') as string[],
    roles: JSON.parse(row.roles) as string[],
  };
}

function strip({ status: _status, ...person }: DirectoryEntry & { status: 'active' }): Person {
  return person;
}
