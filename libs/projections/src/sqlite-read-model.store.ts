import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ColumnValue, Projection } from './projection';

export interface Checkpoint {
  readonly projection: string;
  readonly version: number;
  /** Last global position applied, -1n before the first event. */
  readonly position: bigint;
  readonly updatedAt: string | null;
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * The read-model database: one table per projection (`rm_<name>`: id, doc JSON and the projection's columns) and a
 * checkpoint per projection. Kept in its own SQLite file, separate from the event store: it is disposable and can be
 * rebuilt from the log at any time.
 */
export class SqliteReadModelStore {
  readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS rm_checkpoints (
      projection TEXT PRIMARY KEY, version INTEGER NOT NULL, position TEXT NOT NULL, updated_at TEXT)`);
    db.exec(
      'CREATE TABLE IF NOT EXISTS rm_owner (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), pid INTEGER NOT NULL, owner TEXT NOT NULL, since TEXT NOT NULL)',
    );
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

  /** Opens (or creates) the read-model file. Use `:memory:` only in unit tests. */
  static open(file: string): SqliteReadModelStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // Read models are rebuilt from the log after a power loss: no need to sync every commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    // Documents are rewritten in place batch after batch: keep the hot pages in memory (64 MiB) and checkpoint the
    // WAL less often, rather than re-reading and re-writing the same pages for every batch.
    db.pragma('cache_size = -65536');
    db.pragma('wal_autocheckpoint = 10000');
    return new SqliteReadModelStore(db);
  }

  static tableOf(projection: { readonly name: string } | string): string {
    const name = typeof projection === 'string' ? projection : projection.name;
    if (!NAME.test(name))
      throw new Error(`Projection name ${JSON.stringify(name)} must be lowercase letters, digits and dashes.`);
    return `rm_${name.replace(/-/g, '_')}`;
  }

  /** Creates the projection's table; when its version changed, drops it first so that it is rebuilt from the log. */
  prepare(projection: Projection<unknown>): void {
    const stored = this.checkpoint(projection.name);
    if (stored && stored.version !== projection.version) this.reset(projection.name);
    const table = SqliteReadModelStore.tableOf(projection);
    const columns = Object.entries(projection.columns ?? {}).map(([name, column]) => `, "${name}" ${column.type}`);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL${columns.join('')})`);
    (projection.indexes ?? []).forEach((columnsOfIndex) => {
      const indexName = `${table}__${columnsOfIndex.join('_')}`;
      this.db.exec(
        `CREATE INDEX IF NOT EXISTS ${indexName} ON ${table} (${columnsOfIndex.map((c) => `"${c}"`).join(', ')})`,
      );
    });
    if (!this.checkpoint(projection.name)) {
      this.db
        .prepare('INSERT INTO rm_checkpoints (projection, version, position, updated_at) VALUES (?, ?, ?, NULL)')
        .run(projection.name, projection.version, '-1');
    }
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
    this.db
      .prepare('UPDATE rm_checkpoints SET position = ?, updated_at = ? WHERE projection = ?')
      .run(position.toString(), at, name);
  }

  close(): void {
    this.db.close();
  }
}

export class DocumentWriter<Doc> {
  private readonly select: Database.Statement;
  private readonly upsert: Database.Statement;
  private readonly remove: Database.Statement;
  private readonly columns: Array<[string, (doc: Doc) => ColumnValue]>;

  constructor(
    db: Database.Database,
    private readonly projection: Projection<Doc>,
  ) {
    const table = SqliteReadModelStore.tableOf(projection);
    this.columns = Object.entries(projection.columns ?? {}).map(([name, column]) => [name, column.value]);
    const names = ['id', 'doc', ...this.columns.map(([name]) => `"${name}"`)];
    this.select = db.prepare(`SELECT doc FROM ${table} WHERE id = ?`).pluck();
    // An upsert, not INSERT OR REPLACE: its implicit delete would fire no delete trigger, and triggers on read-model
    // tables (counts kept beside them) must see a rewritten document as an update.
    this.upsert = db.prepare(
      `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})
       ON CONFLICT(id) DO UPDATE SET ${names
         .slice(1)
         .map((name) => `${name} = excluded.${name}`)
         .join(', ')}`,
    );
    this.remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  }

  get name(): string {
    return this.projection.name;
  }

  load(id: string): Doc | undefined {
    const json = this.select.get(id) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as Doc);
  }

  save(id: string, doc: Doc | undefined): void {
    if (doc === undefined) {
      this.remove.run(id);
      return;
    }
    this.upsert.run(id, JSON.stringify(doc), ...this.columns.map(([, value]) => value(doc)));
  }
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
