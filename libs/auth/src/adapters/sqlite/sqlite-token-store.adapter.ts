import Database from 'better-sqlite3';
import { AuthError, DuplicateTokenError, TokenStoreUnavailableError } from '../../domain/auth.errors';
import type { Role } from '../../domain/role';
import type { TokenRecord, TokenStore } from '../../token-store.port';

const SCHEMA_VERSION = 1;
const MAX_FOUND_TOKENS = 1000;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS tokens (
    token_id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    role TEXT NOT NULL,
    communes TEXT NOT NULL,
    prefix TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
  ) STRICT;
`;

interface TokenRow {
  token_id: string;
  label: string;
  role: string;
  communes: string;
  prefix: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** Tokens in a SQLite file (WAL). Only hashes are written: the file holds nothing that opens the API. */
export class SqliteTokenStore implements TokenStore {
  /** Prepared once: every authenticated request looks its token up. */
  private readonly byHash: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly dataVersion: Database.Statement;
  /**
   * Tokens found by hash, kept while no other connection has written the file: `PRAGMA data_version` changes as
   * soon as one does (a revocation from the CLI), and this connection's own writes clear them.
   */
  private readonly found = new Map<string, TokenRecord>();
  private foundAtVersion = -1;

  private constructor(private readonly db: Database.Database) {
    this.byHash = db.prepare('SELECT * FROM tokens WHERE secret_hash = ?');
    this.byId = db.prepare('SELECT * FROM tokens WHERE token_id = ?');
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
  }

  /** Opens (creating if needed) the token store in `path`. */
  static open(path: string): SqliteTokenStore {
    const db = new Database(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
      migrate(db, path);
    } catch (error) {
      db.close();
      if (error instanceof AuthError) throw error;
      throw new TokenStoreUnavailableError(path, (error as Error).message);
    }
    return new SqliteTokenStore(db);
  }

  close(): void {
    this.db.close();
  }

  async insert(record: TokenRecord): Promise<void> {
    this.found.clear();
    try {
      this.db
        .prepare(
          `INSERT INTO tokens (token_id, label, role, communes, prefix, secret_hash, created_at, revoked_at, last_used_at)
           VALUES (@tokenId, @label, @role, @communes, @prefix, @secretHash, @createdAt, @revokedAt, @lastUsedAt)`,
        )
        .run({ ...record, communes: JSON.stringify(record.communes) });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateTokenError(`token id ${record.tokenId} is already stored`);
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateTokenError('a token with the same secret hash is already stored');
      throw error;
    }
  }

  async findByHash(secretHash: string): Promise<TokenRecord | undefined> {
    const version = this.dataVersion.get() as number;
    if (version !== this.foundAtVersion) {
      this.found.clear();
      this.foundAtVersion = version;
    }
    const known = this.found.get(secretHash);
    if (known) return known;
    const record = this.one(this.byHash, secretHash);
    // Only tokens that exist are kept (unknown secrets would fill memory), and a bounded number of them.
    if (record) {
      if (this.found.size >= MAX_FOUND_TOKENS) this.found.clear();
      this.found.set(secretHash, record);
    }
    return record;
  }

  async get(tokenId: string): Promise<TokenRecord | undefined> {
    return this.one(this.byId, tokenId);
  }

  async list(): Promise<TokenRecord[]> {
    return (this.db.prepare('SELECT * FROM tokens ORDER BY created_at, token_id').all() as TokenRow[]).map(toRecord);
  }

  async revoke(tokenId: string, at: string): Promise<TokenRecord | undefined> {
    this.found.clear();
    this.db.prepare('UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE token_id = ?').run(at, tokenId);
    return this.get(tokenId);
  }

  async touch(tokenId: string, at: string): Promise<void> {
    this.found.clear();
    this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE token_id = ?').run(at, tokenId);
  }

  private one(statement: Database.Statement, value: string): TokenRecord | undefined {
    const row = statement.get(value) as TokenRow | undefined;
    return row && toRecord(row);
  }
}

function migrate(db: Database.Database, path: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new TokenStoreUnavailableError(
      path,
      `schema version ${version} is newer than this version knows (${SCHEMA_VERSION})`,
    );
  }
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
  if (version === 0 && tables.some((t) => t.name !== 'tokens')) {
    throw new TokenStoreUnavailableError(path, 'the file holds other tables: it is not a token store');
  }
  db.transaction(() => {
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function toRecord(row: TokenRow): TokenRecord {
  return {
    tokenId: row.token_id,
    label: row.label,
    role: row.role as Role,
    communes: JSON.parse(row.communes) as string[],
    prefix: row.prefix,
    secretHash: row.secret_hash,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}
