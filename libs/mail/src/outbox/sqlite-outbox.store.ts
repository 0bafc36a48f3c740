import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OutboxEntry, OutboxKind } from './outbox-entry';

/** pending → sending → sent | failed; a `sending` message whose lease ran out (a crashed worker) is taken again. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** One outbox message and its delivery state, as the coordination sees it. */
export interface OutboxMessage {
  readonly id: string;
  readonly kind: OutboxKind;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly eventId: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly recordedAt: string;
  readonly status: OutboxStatus;
  /** Attempts started so far (a crash during an attempt counts). */
  readonly attempts: number;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly sentAt: string | null;
}

/** One mail that left for one recipient: kept so that a retry only writes to those not reached yet. */
export interface OutboxDelivery {
  readonly messageId: string;
  /** A personId, or `coordination`. Never an e-mail address: personal data stays in the people directory. */
  readonly recipient: string;
  /** The mail's Message-ID header. */
  readonly mailMessageId: string;
  readonly sentAt: string;
}

export class OutboxMessageNotFoundError extends Error {
  readonly code = 'OUTBOX_MESSAGE_NOT_FOUND';
  constructor(readonly messageId: string) {
    super(`No outbox message ${messageId}.`);
  }
}

export class OutboxMessageAlreadySentError extends Error {
  readonly code = 'OUTBOX_MESSAGE_ALREADY_SENT';
  constructor(readonly messageId: string) {
    super(`Outbox message ${messageId} was already sent; nothing to retry.`);
  }
}

interface Row {
  id: string;
  kind: OutboxKind;
  stream_id: string;
  revision: string;
  position: string;
  event_id: string;
  payload: string;
  recorded_at: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS outbox_messages (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, stream_id TEXT NOT NULL, revision TEXT NOT NULL, position TEXT NOT NULL,
  event_id TEXT NOT NULL, payload TEXT NOT NULL, recorded_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL, lease_until TEXT, last_error TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL, sent_at TEXT);
CREATE INDEX IF NOT EXISTS outbox_messages_due ON outbox_messages (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS outbox_deliveries (
  message_id TEXT NOT NULL REFERENCES outbox_messages (id), recipient TEXT NOT NULL, mail_message_id TEXT NOT NULL,
  sent_at TEXT NOT NULL, PRIMARY KEY (message_id, recipient));
CREATE TABLE IF NOT EXISTS outbox_checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position TEXT NOT NULL, updated_at TEXT NOT NULL);
`;

/**
 * The outbox in its own SQLite file (`<dataDir>/outbox.sqlite`): messages recorded from the log, exactly once each
 * (the checkpoint is written in the same transaction), and their delivery state. Unlike a read model it is NOT
 * disposable: it remembers what was already mailed.
 */
export class SqliteOutboxStore {
  readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
    db.exec(SCHEMA);
  }

  static open(file: string): SqliteOutboxStore {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // Losing the last commit on power loss would resend or forget a mail: sync every commit.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    return new SqliteOutboxStore(db);
  }

  /** Last global position recorded, -1n before the first event. */
  checkpoint(): bigint {
    const row = this.db.prepare('SELECT position FROM outbox_checkpoint WHERE id = 1').pluck().get() as
      string | undefined;
    return row === undefined ? -1n : BigInt(row);
  }

  /**
   * Records the entries of a batch of events and moves the checkpoint to `position`, in one transaction: after a
   * crash the consumer resumes at the checkpoint, and an entry seen twice (same id) is inserted once.
   * @returns how many entries were new.
   */
  record(entries: readonly OutboxEntry[], position: bigint, now: Date): number {
    const at = now.toISOString();
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO outbox_messages (id, kind, stream_id, revision, position, event_id, payload, recorded_at,
         status, attempts, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)`,
    );
    return this.db.transaction(() => {
      if (position <= this.checkpoint()) return 0;
      let inserted = 0;
      for (const e of entries) {
        inserted += insert.run(
          e.id,
          e.kind,
          e.streamId,
          `${e.revision}`,
          `${e.position}`,
          e.eventId,
          JSON.stringify(e.payload),
          e.recordedAt,
          at,
          at,
          at,
        ).changes;
      }
      this.db
        .prepare(
          'INSERT INTO outbox_checkpoint (id, position, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at',
        )
        .run(`${position}`, at);
      return inserted;
    })();
  }

  /**
   * Takes up to `limit` messages due at `now` (pending and due, or sending with an expired lease), marks them
   * `sending` with a lease until `now + leaseMs` and counts the attempt. Atomic: two workers never take the same one.
   */
  claimDue(now: Date, limit: number, leaseMs: number): OutboxMessage[] {
    const at = now.toISOString();
    const rows = this.db
      .prepare(
        `UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, lease_until = ?, updated_at = ?
         WHERE id IN (SELECT id FROM outbox_messages
           WHERE (status = 'pending' AND next_attempt_at <= ?) OR (status = 'sending' AND lease_until <= ?)
           ORDER BY next_attempt_at, CAST(position AS INTEGER) LIMIT ?)
         RETURNING *`,
      )
      .all(new Date(now.getTime() + leaseMs).toISOString(), at, at, at, limit) as Row[];
    return rows.map(toMessage).sort((a, b) => (a.position < b.position ? -1 : 1));
  }

  /** Remembers that one recipient got the mail (right after the transport accepted it). */
  recordDelivery(messageId: string, recipient: string, mailMessageId: string, now: Date): void {
    this.db
      .prepare(
        'INSERT OR IGNORE INTO outbox_deliveries (message_id, recipient, mail_message_id, sent_at) VALUES (?, ?, ?, ?)',
      )
      .run(messageId, recipient, mailMessageId, now.toISOString());
  }

  deliveriesOf(messageId: string): OutboxDelivery[] {
    return (
      this.db
        .prepare('SELECT * FROM outbox_deliveries WHERE message_id = ? ORDER BY sent_at, recipient')
        .all(messageId) as Array<{
        message_id: string;
        recipient: string;
        mail_message_id: string;
        sent_at: string;
      }>
    ).map((r) => ({
      messageId: r.message_id,
      recipient: r.recipient,
      mailMessageId: r.mail_message_id,
      sentAt: r.sent_at,
    }));
  }

  /**
   * Extends the lease of a claimed message right before its attempt starts. False when the claim was lost: its lease
   * ran out while earlier messages of the batch were delivered and another mailer took it, or it was retried by
   * hand. The attempt must then be skipped, or two mailers would write to the same people at the same time.
   * @param attempt the `attempts` value the claim returned: each claim counts one, so it names the claim.
   */
  renewLease(messageId: string, attempt: number, now: Date, leaseMs: number): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox_messages SET lease_until = ?, updated_at = ? WHERE id = ? AND status = 'sending' AND attempts = ?`,
        )
        .run(new Date(now.getTime() + leaseMs).toISOString(), now.toISOString(), messageId, attempt).changes === 1
    );
  }

  /**
   * Ends the claim `attempt` as sent. False (and nothing changed) when that claim was lost meanwhile: the message
   * belongs to whoever holds it now, which finds the recipients already reached in the deliveries.
   */
  markSent(messageId: string, attempt: number, now: Date): boolean {
    const at = now.toISOString();
    return (
      this.db
        .prepare(
          `UPDATE outbox_messages SET status = 'sent', sent_at = ?, updated_at = ?, lease_until = NULL, last_error = NULL
           WHERE id = ? AND status = 'sending' AND attempts = ?`,
        )
        .run(at, at, messageId, attempt).changes === 1
    );
  }

  /**
   * Ends the claim `attempt` as failed: back to `pending` until `retryAt`, or `failed` for good when there is none.
   * False (and nothing changed) when that claim was lost meanwhile, so that a late failure never turns a message
   * another mailer has sent back into a pending or failed one.
   */
  markAttemptFailed(messageId: string, attempt: number, error: string, retryAt: Date | null, now: Date): boolean {
    return (
      this.db
        .prepare(
          `UPDATE outbox_messages SET status = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?, lease_until = NULL,
             updated_at = ? WHERE id = ? AND status = 'sending' AND attempts = ?`,
        )
        .run(
          retryAt ? 'pending' : 'failed',
          retryAt?.toISOString() ?? null,
          error.slice(0, 2000),
          now.toISOString(),
          messageId,
          attempt,
        ).changes === 1
    );
  }

  /**
   * Gives a failed (or waiting) message a new full series of attempts starting now: for the coordination once the
   * cause is fixed (a wrong address corrected, the SMTP server back).
   */
  retry(messageId: string, now: Date): OutboxMessage {
    const message = this.get(messageId);
    if (!message) throw new OutboxMessageNotFoundError(messageId);
    if (message.status === 'sent') throw new OutboxMessageAlreadySentError(messageId);
    this.db
      .prepare(
        `UPDATE outbox_messages SET status = 'pending', attempts = 0, next_attempt_at = ?, lease_until = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(now.toISOString(), now.toISOString(), messageId);
    return this.get(messageId)!;
  }

  get(messageId: string): OutboxMessage | undefined {
    const row = this.db.prepare('SELECT * FROM outbox_messages WHERE id = ?').get(messageId) as Row | undefined;
    return row && toMessage(row);
  }

  /** Messages in log order, optionally of one status (e.g. `failed` for the coordination's list). */
  list(query: { status?: OutboxStatus; limit?: number } = {}): OutboxMessage[] {
    const rows = (
      query.status
        ? this.db
            .prepare('SELECT * FROM outbox_messages WHERE status = ? ORDER BY CAST(position AS INTEGER) LIMIT ?')
            .all(query.status, query.limit ?? -1)
        : this.db
            .prepare('SELECT * FROM outbox_messages ORDER BY CAST(position AS INTEGER) LIMIT ?')
            .all(query.limit ?? -1)
    ) as Row[];
    return rows.map(toMessage);
  }

  failed(): OutboxMessage[] {
    return this.list({ status: 'failed' });
  }

  counts(): Record<OutboxStatus, number> {
    const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const row of this.db
      .prepare('SELECT status, COUNT(*) AS n FROM outbox_messages GROUP BY status')
      .all() as Array<{ status: OutboxStatus; n: number }>) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  /** The earliest time a message is due (pending) or its lease expires (sending), to sleep until then. */
  nextDueAt(): string | undefined {
    return (this.db
      .prepare(
        `SELECT MIN(t) FROM (SELECT MIN(next_attempt_at) AS t FROM outbox_messages WHERE status = 'pending'
           UNION ALL SELECT MIN(lease_until) FROM outbox_messages WHERE status = 'sending')`,
      )
      .pluck()
      .get() ?? undefined) as string | undefined;
  }

  close(): void {
    this.db.close();
  }
}

function toMessage(row: Row): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    streamId: row.stream_id,
    revision: BigInt(row.revision),
    position: BigInt(row.position),
    eventId: row.event_id,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    recordedAt: row.recorded_at,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}
