import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError } from '../../errors';

/** `PRAGMA application_id` of a cdce event store: the ASCII bytes "cdce". */
export const CDCE_APPLICATION_ID = 0x63646365;

/** `PRAGMA user_version`: bumped, with a migration, whenever the tables below change. */
export const SCHEMA_VERSION = 1;

/*
 * `position` is the rowid: positions are handed out under the write lock, so they grow in commit order and a reader
 * never sees a later position before an earlier one. Metadata fields are columns rather than JSON so that reading
 * the log parses one JSON document per event, not two. The last hash of a stream is the `hash` of its last event,
 * found through the (stream_id, revision) index: an append reads one row, never the stream, and writes no second
 * table (a `streams` table cost one more page per commit, about a third of the time of a single-event append).
 */
const SCHEMA = `
  CREATE TABLE events (
    position       INTEGER PRIMARY KEY,
    stream_id      TEXT NOT NULL,
    revision       INTEGER NOT NULL,
    event_id       TEXT NOT NULL UNIQUE,
    type           TEXT NOT NULL,
    data           TEXT NOT NULL,
    actor_id       TEXT NOT NULL,
    actor_role     TEXT NOT NULL,
    command_id     TEXT NOT NULL,
    correlation_id TEXT NOT NULL,
    causation_id   TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    hash           TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  );
`;

export interface OpenDatabaseOptions {
  readonly path: string;
  readonly synchronous: 'normal' | 'full';
  readonly busyTimeoutMs: number;
}

/**
 * Opens (creating if needed) a cdce event store file. The file is first inspected read-only, so a file that is not
 * ours is left exactly as it was.
 * @throws StoreUnavailableError when the file is corrupt, foreign, or from a newer cdce.
 */
export function openDatabase({ path, synchronous, busyTimeoutMs }: OpenDatabaseOptions): Database.Database {
  if (!existsSync(dirname(path))) {
    throw new StoreUnavailableError(path, `the folder ${dirname(path)} does not exist: create it or fix the path`);
  }
  if (existsSync(path) && statSync(path).size > 0) inspectReadOnly(path, busyTimeoutMs);
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new StoreUnavailableError(
      path,
      `it cannot be opened (${(error as Error).message}): check the path and its permissions`,
    );
  }
  try {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    // Another process may be creating the same file right now: decide inside the write lock.
    db.transaction(() => {
      if (verdict(path, db) === 'empty') createSchema(db);
    }).immediate();
    return db;
  } catch (error) {
    db.close();
    throw asUnavailable(path, error);
  }
}

/**
 * Opens an existing cdce event store file read-only, after the same check of its header as `openDatabase`: for a
 * reader beside the process that appends (a catch-up thread), which must never take the write lock.
 * @throws StoreUnavailableError when the file is missing, not ours, or holds no store yet.
 */
export function openReadOnlyDatabase({
  path,
  busyTimeoutMs,
}: Omit<OpenDatabaseOptions, 'synchronous'>): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    if (verdict(path, db) === 'empty') throw new StoreUnavailableError(path, 'it holds no event store yet');
    return db;
  } catch (error) {
    db?.close();
    throw asUnavailable(path, error);
  }
}

function inspectReadOnly(path: string, busyTimeoutMs: number): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    verdict(path, db);
  } catch (error) {
    throw asUnavailable(path, error);
  } finally {
    db?.close();
  }
}

/** Reads the header fields that identify the file. @throws StoreUnavailableError unless it is ours or empty. */
function verdict(path: string, db: Database.Database): 'ours' | 'empty' {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const objects = db.prepare('SELECT count(*) FROM sqlite_master').pluck().get() as number;
  if (applicationId === CDCE_APPLICATION_ID) {
    if (version > SCHEMA_VERSION) {
      throw new StoreUnavailableError(
        path,
        `it was written by a newer cdce (schema ${version}; this version knows up to ${SCHEMA_VERSION}): upgrade cdce`,
      );
    }
    if (version === SCHEMA_VERSION) return 'ours';
  }
  if (applicationId === 0 && version === 0 && objects === 0) return 'empty';
  throw new StoreUnavailableError(
    path,
    `it is a SQLite database of another application (application_id ${applicationId}, user_version ${version}, ` +
      `${objects} tables and indexes): point cdce to another file`,
  );
}

function createSchema(db: Database.Database): void {
  db.exec(SCHEMA);
  db.pragma(`application_id = ${CDCE_APPLICATION_ID}`);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** SQLite errors that mean the file itself is unusable, as opposed to a bug or a busy lock. */
export function isDamagedFileError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

function asUnavailable(path: string, error: unknown): Error {
  if (error instanceof StoreUnavailableError) return error;
  if (isDamagedFileError(error)) {
    return new StoreUnavailableError(
      path,
      'it is not a SQLite database or it is damaged: restore it from a backup, or point cdce to another file',
    );
  }
  return new StoreUnavailableError(path, `it cannot be opened (${(error as Error).message})`);
}
