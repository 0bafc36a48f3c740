import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WalCheckpointer } from '@cdce/eventsourcing';
import type { ColumnValue, Projection } from './projection';
import { rowsPerStatement, upsertOfRows } from './multi-row-upsert';
import { WriterThread } from './writer-thread';

export interface Checkpoint {
  readonly projection: string;
  readonly version: number;
  /** Last global position applied, -1n before the first event. */
  readonly position: bigint;
  readonly updatedAt: string | null;
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/;

const CONNECTION_PRAGMAS = [
  // Read models are rebuilt from the log after a power loss: no need to sync every commit.
  'synchronous = NORMAL',
  'busy_timeout = 5000',
  // Documents are rewritten in place batch after batch: keep the hot pages in memory (64 MiB) and checkpoint the
  // WAL less often, rather than re-reading and re-writing the same pages for every batch.
  'cache_size = -65536',
  'wal_autocheckpoint = 10000',
  // The dashboard counts' triggers build their temporary results in memory rather than in a temporary file.
  'temp_store = MEMORY',
] as const;

/**
 * How long a connection waits for another's commit during a parallel catch-up, rather than the usual 5 s: the
 * catch-up threads commit large batches and build indexes into the same file, and a connection that gives up with
 * SQLITE_BUSY stops its catch-up.
 */
export const CATCH_UP_BUSY_TIMEOUT_MS = 120_000;

/** Parameters: position, updated_at, projection. */
const UPDATE_CHECKPOINT = 'UPDATE rm_checkpoints SET position = ?, updated_at = ? WHERE projection = ?';

/**
 * The read-model database: one table per projection (`rm_<name>`: key, doc JSON and the projection's columns) and a
 * checkpoint per projection. Kept in its own SQLite file, separate from the event store: it is disposable and can be
 * rebuilt from the log at any time.
 */
export class SqliteReadModelStore {
  readonly db: Database.Database;
  private checkpointer: WalCheckpointer | undefined;
  private readonly updateCheckpoint: Database.Statement;

  private constructor(db: Database.Database) {
    this.db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS rm_checkpoints (
      projection TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT)`);
    db.exec(
      'CREATE TABLE IF NOT EXISTS rm_owner (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), pid INTEGER NOT NULL, owner TEXT NOT NULL, since TEXT NOT NULL)',
    );
    this.updateCheckpoint = db.prepare(UPDATE_CHECKPOINT);
  }

  /**
   * Records that a long-running process (the API, a worker) projects into this file, so that a rebuild from another
   * process can refuse instead of dropping tables under it. A claim left by a process that died is ignored.
   */
  claim(owner: string, at: Date = new Date()): void {
    this.db.prepare('INSERT OR REPLACE INTO rm_owner VALUES (1, ?, ?, ?)').run(process.pid, owner, at.toISOString());
  }

  /** Gives the claim up (on shutdown), if it is still this process's. */
  release(): void {
    this.db.prepare('DELETE FROM rm_owner WHERE pid = ?').run(process.pid);
  }

  /** The live process, other than this one, that projects into this file; undefined when there is none. */
  liveOwner(): { pid: number; owner: string; since: string } | undefined {
    const row = this.db.prepare('SELECT pid, owner, since FROM rm_owner').get() as
      { pid: number; owner: string; since: string } | undefined;
    if (!row || row.pid === process.pid || !isAlive(row.pid)) return undefined;
    return row;
  }

  /**
   * Opens (or creates) the read-model file. Use `:memory:` only in unit tests. `checkpointInBackground` copies the
   * WAL into the file from a thread (see WalCheckpointer): for long-running processes, whose live batches must not
   * wait for a checkpoint of tens of megabytes.
   */
  static open(file: string, options: { readonly checkpointInBackground?: boolean } = {}): SqliteReadModelStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    CONNECTION_PRAGMAS.forEach((pragma) => db.pragma(pragma));
    const store = new SqliteReadModelStore(db);
    if (options.checkpointInBackground && !db.memory) store.checkpointer = new WalCheckpointer(db.name);
    return store;
  }

  /**
   * Runs `run` with this connection waiting up to CATCH_UP_BUSY_TIMEOUT_MS for the commits of other connections (the
   * catch-up threads writing into the same file), then puts its usual busy timeout back.
   */
  async patientDuring<T>(run: () => Promise<T>): Promise<T> {
    const usual = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma(`busy_timeout = ${CATCH_UP_BUSY_TIMEOUT_MS}`);
    try {
      return await run();
    } finally {
      if (this.db.open) this.db.pragma(`busy_timeout = ${usual}`);
    }
  }

  /**
   * A second connection to this file in a worker thread, for commits computed here (see WriterThread); undefined
   * for an in-memory database, which no other connection can open.
   */
  startWriterThread(): WriterThread | undefined {
    if (this.db.memory) return undefined;
    return WriterThread.start(this.db.name, CONNECTION_PRAGMAS, UPDATE_CHECKPOINT);
  }

  static tableOf(projection: { readonly name: string } | string): string {
    const name = typeof projection === 'string' ? projection : projection.name;
    if (!NAME.test(name))
      throw new Error(`Projection name ${JSON.stringify(name)} must be lowercase letters, digits and dashes.`);
    return `rm_${name.replace(/-/g, '_')}`;
  }

  /** Creates the projection's table; when its version changed, drops it first so that it is rebuilt from the log. */
  prepare<Doc>(projection: Projection<Doc>): void {
    const stored = this.checkpoint(projection.name);
    if (stored && stored.version !== projection.version) this.reset(projection.name);
    const table = SqliteReadModelStore.tableOf(projection);
    const key = keyOf(projection);
    const columns = Object.entries(projection.columns ?? {}).map(([name, column]) => `, "${name}" ${column.type}`);
    const doc = projection.documentSql
      ? `doc TEXT GENERATED ALWAYS AS (${projection.documentSql}) VIRTUAL`
      : 'doc TEXT NOT NULL';
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} ("${key.column}" ${key.type} PRIMARY KEY, ${doc}${columns.join('')})`,
    );
    this.createIndexes(projection);
    if (!this.checkpoint(projection.name)) {
      this.db
        .prepare('INSERT INTO rm_checkpoints (projection, version, position, updated_at) VALUES (?, ?, ?, NULL)')
        .run(projection.name, projection.version, '-1');
    }
  }

  /** Creates the indexes the projection declares, if missing. */
  createIndexes<Doc>(projection: Projection<Doc>): void {
    const table = SqliteReadModelStore.tableOf(projection);
    indexesOf(projection).forEach(([name, columns]) =>
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${columns.map((c) => `"${c}"`).join(', ')})`),
    );
  }

  /**
   * Drops the indexes the projection declares, for a bulk load into its empty table: building an index once from
   * the loaded rows is cheaper than keeping it sorted row after row. `createIndexes` puts them back.
   */
  dropIndexes<Doc>(projection: Projection<Doc>): void {
    indexesOf(projection).forEach(([name]) => this.db.exec(`DROP INDEX IF EXISTS ${name}`));
  }

  /** True when the projection's table holds no document. */
  isEmpty<Doc>(projection: Projection<Doc>): boolean {
    const table = SqliteReadModelStore.tableOf(projection);
    return this.db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined;
  }

  /**
   * Drops the tables and checkpoints of projections this version no longer keeps, if the file still has them.
   * @returns the names of those it dropped.
   */
  retire(names: readonly string[]): string[] {
    const dropped = names.filter((name) => this.checkpoint(name) !== undefined);
    dropped.forEach((name) => this.reset(name));
    return dropped;
  }

  /** Forgets a projection: its table and checkpoint. The next run rebuilds it from the beginning of the log. */
  reset(name: string): void {
    const table = SqliteReadModelStore.tableOf(name);
    this.db.transaction(() => {
      this.db.exec(`DROP TABLE IF EXISTS ${table}`);
      this.db.prepare('DELETE FROM rm_checkpoints WHERE projection = ?').run(name);
    })();
  }

  checkpoint(name: string): Checkpoint | undefined {
    const row = this.db.prepare('SELECT * FROM rm_checkpoints WHERE projection = ?').get(name) as
      { projection: string; version: number; position: string; updated_at: string | null } | undefined;
    return (
      row && {
        projection: row.projection,
        version: row.version,
        position: BigInt(row.position),
        updatedAt: row.updated_at,
      }
    );
  }

  checkpoints(): Checkpoint[] {
    return (
      this.db.prepare('SELECT projection FROM rm_checkpoints ORDER BY projection').all() as { projection: string }[]
    ).map((row) => this.checkpoint(row.projection)!);
  }

  /** Statements bound to one projection's table, prepared once. */
  writerFor<Doc>(projection: Projection<Doc>): DocumentWriter<Doc> {
    return new DocumentWriter(this.db, projection);
  }

  saveCheckpoint(name: string, position: bigint, at: string): void {
    this.updateCheckpoint.run(position.toString(), at, name);
  }

  close(): void {
    // The thread's connection closes on its own; this one need not wait for it.
    void this.checkpointer?.stop();
    this.db.close();
  }
}

export class DocumentWriter<Doc> {
  /** Writes a document; parameters as `rowOf` gives them. */
  readonly upsertSql: string;
  /** Writes `rowsPerStatement` documents at once (see `saveAll`): `upsertSql` with its values repeated. */
  readonly upsertManySql: string;
  readonly rowsPerStatement: number;
  /** Deletes a document; parameter: `keyValue` of its id. */
  readonly removeSql: string;
  /** The key as bound: document ids are strings, an INTEGER key column takes them as numbers. */
  readonly keyValue: (id: string) => string | number;
  private readonly select: Database.Statement;
  private readonly upsert: Database.Statement;
  /** The upsert of several documents at once (see `saveAll`), and the parameters it is run with (reused). */
  private readonly upsertMany: Database.Statement;
  private readonly manyParameters: unknown[];
  private readonly remove: Database.Statement;
  private readonly columns: Array<[string, (doc: Doc) => ColumnValue]>;
  /** False when SQL gives the document back from the columns (`documentSql`). */
  private readonly storesJson: boolean;
  /** Plain inserts (see `insertAll`), prepared when first used. */
  private inserts: { readonly one: Database.Statement; readonly many: Database.Statement } | undefined;

  constructor(
    private readonly db: Database.Database,
    private readonly projection: Projection<Doc>,
  ) {
    const table = SqliteReadModelStore.tableOf(projection);
    const key = `"${keyOf(projection).column}"`;
    this.keyValue = keyOf(projection).type === 'INTEGER' ? Number : (id) => id;
    this.columns = Object.entries(projection.columns ?? {}).map(([name, column]) => [name, column.value]);
    this.storesJson = projection.documentSql === undefined;
    const names = [key, ...(this.storesJson ? ['doc'] : []), ...this.columns.map(([name]) => `"${name}"`)];
    this.select = db.prepare(`SELECT doc FROM ${table} WHERE ${key} = ?`).pluck();
    // An upsert, not INSERT OR REPLACE: its implicit delete would fire no delete trigger, and triggers on read-model
    // tables (counts kept beside them) must see a rewritten document as an update.
    this.upsertSql = `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
       ON CONFLICT(${key}) DO UPDATE SET ${names
         .slice(1)
         .map((name) => `${name} = excluded.${name}`)
         .join(', ')}`;
    this.removeSql = `DELETE FROM ${table} WHERE ${key} = ?`;
    this.upsert = db.prepare(this.upsertSql);
    this.remove = db.prepare(this.removeSql);
    this.rowsPerStatement = rowsPerStatement(this.arity);
    this.upsertManySql = upsertOfRows(this.upsertSql, this.arity, this.rowsPerStatement);
    this.upsertMany = db.prepare(this.upsertManySql);
    this.manyParameters = new Array<unknown>(this.rowsPerStatement * this.arity);
  }

  get name(): string {
    return this.projection.name;
  }

  load(id: string): Doc | undefined {
    const json = this.select.get(this.keyValue(id)) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as Doc);
  }

  save(id: string, doc: Doc | undefined): void {
    if (doc === undefined) this.remove.run(this.keyValue(id));
    else this.upsert.run(this.rowOf(id, doc));
  }

  /**
   * Writes these documents (undefined: deletes it), as `save` would one by one, but upserts them several at a time
   * in one statement (see `rowsPerStatement`): a catch-up writes thousands per commit, and each statement run costs a call into
   * SQLite, its bindings and its VDBE start-up. Call inside a transaction. Each id appears once in a map, so the
   * order of writes to different rows is irrelevant to their outcome (and to the per-row triggers).
   */
  saveAll(docs: ReadonlyMap<string, Doc | undefined>): void {
    const parameters = this.manyParameters;
    const full = parameters.length;
    let filled = 0;
    for (const [id, doc] of docs) {
      if (doc === undefined) {
        this.remove.run(this.keyValue(id));
        continue;
      }
      filled = this.fill(parameters, filled, id, doc);
      if (filled === full) {
        this.upsertMany.run(parameters);
        filled = 0;
      }
    }
    // The last rows, fewer than a statement takes: one at a time.
    const row = new Array<unknown>(this.arity);
    for (let start = 0; start < filled; start += this.arity) {
      for (let j = 0; j < row.length; j++) row[j] = parameters[start + j];
      this.upsert.run(row);
    }
    parameters.fill(undefined);
  }

  /**
   * Inserts these documents, none of which may be in the table yet (undefined ones are skipped: there is nothing to
   * delete): for a table filled from empty, where a key written twice is a bug to report, not a document to
   * overwrite. Call inside a transaction. @throws SqliteError (SQLITE_CONSTRAINT_PRIMARYKEY) for a key already there.
   */
  insertAll(docs: ReadonlyMap<string, Doc | undefined>): void {
    this.inserts ??= {
      one: this.db.prepare(this.upsertSql.slice(0, this.upsertSql.indexOf(' ON CONFLICT'))),
      many: this.db.prepare(this.upsertManySql.slice(0, this.upsertManySql.indexOf(' ON CONFLICT'))),
    };
    const parameters = new Array<unknown>(this.rowsPerStatement * this.arity);
    let filled = 0;
    for (const [id, doc] of docs) {
      if (doc === undefined) continue;
      filled = this.fill(parameters, filled, id, doc);
      if (filled === parameters.length) {
        this.inserts.many.run(parameters);
        filled = 0;
      }
    }
    for (let start = 0; start < filled; start += this.arity)
      this.inserts.one.run(parameters.slice(start, start + this.arity));
  }

  /** The upsert's parameters for a document: key, JSON (unless SQL gives it back), then the columns. */
  rowOf(id: string, doc: Doc): unknown[] {
    const row: unknown[] = [];
    this.appendRow(row, id, doc);
    return row;
  }

  /** Number of parameters of the upsert. */
  get arity(): number {
    return 1 + (this.storesJson ? 1 : 0) + this.columns.length;
  }

  /** Appends the upsert's parameters for a document to a flat list (rows one after the other, `arity` each). */
  appendRow(target: unknown[], id: string, doc: Doc): void {
    this.fill(target, target.length, id, doc);
  }

  /** Writes a document's upsert parameters into `target` from index `at`; returns the index after them. */
  private fill(target: unknown[], at: number, id: string, doc: Doc): number {
    let i = at;
    target[i++] = this.keyValue(id);
    if (this.storesJson) target[i++] = JSON.stringify(doc);
    for (const [, value] of this.columns) target[i++] = value(doc);
    return i;
  }
}

const DEFAULT_KEY = { column: 'id', type: 'TEXT' } as const;

function keyOf(projection: Pick<Projection<unknown>, 'key'>): NonNullable<Projection<unknown>['key']> {
  const key = projection.key ?? DEFAULT_KEY;
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(key.column))
    throw new Error(`Key column ${JSON.stringify(key.column)} must be lowercase letters, digits and underscores.`);
  return key;
}

/** The projection's declared indexes: name and columns. */
function indexesOf(projection: Pick<Projection<unknown>, 'name' | 'indexes'>): Array<[string, readonly string[]]> {
  const table = SqliteReadModelStore.tableOf(projection);
  return (projection.indexes ?? []).map((columns) => [`${table}__${columns.join('_')}`, columns]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
