import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import * as path from 'node:path';

export interface StoredResponse {
  readonly fingerprint: string;
  readonly status: number;
  readonly body: unknown;
}

/**
 * Responses to commands sent with an `Idempotency-Key`, kept 7 days, so that a retried request gets the first
 * answer. The command id is also derived from the key: even a crash between the append and this record cannot
 * make a retry append twice (the event store recognises the command id).
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly select: Database.Statement;
  private readonly insert: Database.Statement;
  private readonly purge: Database.Statement;

  constructor(dataDir: string) {
    this.db = new Database(path.join(dataDir, 'api.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotent_responses (
      scoped_key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)`);
    this.select = this.db.prepare('SELECT fingerprint, status, body FROM idempotent_responses WHERE scoped_key = ?');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO idempotent_responses VALUES (?, ?, ?, ?, ?)');
    this.purge = this.db.prepare('DELETE FROM idempotent_responses WHERE created_at < ?');
  }

  /** Keys are per token: two callers may use the same key without seeing each other's responses. */
  static scopedKey(tokenId: string, key: string): string {
    return createHash('sha256').update(`${tokenId}\u0000${key}`).digest('hex');
  }

  static fingerprint(method: string, url: string, body: unknown): string {
    return createHash('sha256')
      .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
      .digest('hex');
  }

  find(scopedKey: string): StoredResponse | undefined {
    const row = this.select.get(scopedKey) as { fingerprint: string; status: number; body: string } | undefined;
    return row && { fingerprint: row.fingerprint, status: row.status, body: JSON.parse(row.body) };
  }

  save(scopedKey: string, response: StoredResponse, now: Date): void {
    this.insert.run(scopedKey, response.fingerprint, response.status, JSON.stringify(response.body), now.toISOString());
    this.purge.run(new Date(now.getTime() - 7 * 24 * 3600 * 1000).toISOString());
  }

  close(): void {
    this.db.close();
  }
}
