import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Reminder } from '../../domain/reminder';
import {
  DEFAULT_RETRY,
  type ReconcileResult,
  type ReminderHandler,
  type ReminderRetryOptions,
  type ReminderScheduler,
  type ScheduledReminder,
} from '../../scheduler/reminder-scheduler.port';

export interface InProcessReminderSchedulerOptions extends ReminderRetryOptions {
  /** SQLite file holding the jobs (e.g. `var/reminder-jobs.sqlite`); `:memory:` only in unit tests. */
  readonly path: string;
  /** Jobs run at the same time (default 4). */
  readonly concurrency?: number;
}

type JobState = 'pending' | 'active' | 'completed' | 'failed';

interface JobRow {
  readonly id: string;
  readonly reminder: string;
  readonly run_at: number;
  readonly attempts: number;
}

/** setTimeout's ceiling is ~24.8 days; a farther job is reached by waking up once a day and looking again. */
const MAX_SLEEP_MS = 24 * 60 * 60 * 1000;

/**
 * The embedded executor: timers in this process, jobs in a SQLite file so that a restart finds them. A job caught
 * running by a crash is run again at the next start (at least once, like BullMQ's stalled jobs).
 */
export class InProcessReminderScheduler implements ReminderScheduler {
  private readonly db: Database.Database;
  private readonly retry: Required<ReminderRetryOptions>;
  private readonly concurrency: number;
  private handler?: ReminderHandler;
  private timer?: NodeJS.Timeout;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  private constructor(db: Database.Database, options: InProcessReminderSchedulerOptions) {
    this.db = db;
    this.retry = { ...DEFAULT_RETRY, ...definedOnly(options) };
    this.concurrency = options.concurrency ?? 4;
  }

  static open(options: InProcessReminderSchedulerOptions): InProcessReminderScheduler {
    if (options.path !== ':memory:') fs.mkdirSync(path.dirname(options.path), { recursive: true });
    const db = new Database(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.exec(`CREATE TABLE IF NOT EXISTS reminder_jobs (
      id TEXT PRIMARY KEY,
      reminder TEXT NOT NULL,
      state TEXT NOT NULL,
      run_at INTEGER NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      finished_at INTEGER,
      last_error TEXT)`);
    db.exec('CREATE INDEX IF NOT EXISTS reminder_jobs__state_run_at ON reminder_jobs (state, run_at)');
    return new InProcessReminderScheduler(db, options);
  }

  async reconcile(owed: readonly Reminder[]): Promise<ReconcileResult> {
    const wanted = new Map(owed.map((r) => [r.id, r]));
    const result = this.db.transaction(() => {
      this.purgeExpired();
      this.forgetGivenUp(wanted);
      const known = new Set(this.db.prepare('SELECT id FROM reminder_jobs').pluck().all() as string[]);
      const pending = this.db.prepare("SELECT id FROM reminder_jobs WHERE state = 'pending'").pluck().all() as string[];
      const stale = pending.filter((id) => !wanted.has(id));
      const remove = this.db.prepare("DELETE FROM reminder_jobs WHERE id = ? AND state = 'pending'");
      stale.forEach((id) => remove.run(id));
      let added = 0;
      for (const reminder of wanted.values()) if (!known.has(reminder.id)) added += this.insert(reminder);
      return { added, removed: stale.length, kept: wanted.size - added };
    })();
    this.wake();
    return result;
  }

  async schedule(reminder: Reminder): Promise<void> {
    this.purgeExpired();
    this.insert(reminder);
    this.wake();
  }

  async cancel(reminderId: string): Promise<void> {
    this.db.prepare("DELETE FROM reminder_jobs WHERE id = ? AND state = 'pending'").run(reminderId);
  }

  async pending(): Promise<ScheduledReminder[]> {
    const rows = this.db
      .prepare("SELECT reminder FROM reminder_jobs WHERE state = 'pending' ORDER BY run_at, id")
      .pluck()
      .all() as string[];
    return rows.map((json) => {
      const { id, dueAt } = JSON.parse(json) as Reminder;
      return { id, dueAt };
    });
  }

  async start(handler: ReminderHandler): Promise<void> {
    if (this.handler) throw new Error('The reminder scheduler is already started.');
    this.handler = handler;
    // Jobs a crash caught running: run them again (the command behind them is idempotent).
    this.db.prepare("UPDATE reminder_jobs SET state = 'pending' WHERE state = 'active'").run();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await Promise.allSettled([...this.running]);
    if (this.db.open) this.db.close();
  }

  /** How a job ended, for tests and operations. */
  stateOf(reminderId: string): { state: JobState; attempts: number; lastError: string | null } | undefined {
    const row = this.db
      .prepare('SELECT state, attempts, last_error FROM reminder_jobs WHERE id = ?')
      .get(reminderId) as { state: JobState; attempts: number; last_error: string | null } | undefined;
    return row && { state: row.state, attempts: row.attempts, lastError: row.last_error };
  }

  private insert(reminder: Reminder): number {
    return this.db
      .prepare("INSERT OR IGNORE INTO reminder_jobs (id, reminder, state, run_at) VALUES (?, ?, 'pending', ?)")
      .run(reminder.id, JSON.stringify(reminder), Date.parse(reminder.dueAt)).changes;
  }

  private purgeExpired(): void {
    this.db
      .prepare("DELETE FROM reminder_jobs WHERE state IN ('completed', 'failed') AND finished_at < ?")
      .run(Date.now() - this.retry.retentionMs);
  }

  /** Forgets the jobs given up long enough ago whose reminder is still owed, so that the reconcile adds them again. */
  private forgetGivenUp(wanted: ReadonlyMap<string, Reminder>): void {
    const givenUp = this.db
      .prepare("SELECT id FROM reminder_jobs WHERE state = 'failed' AND finished_at < ?")
      .pluck()
      .all(Date.now() - this.retry.retryFailedAfterMs) as string[];
    const forget = this.db.prepare("DELETE FROM reminder_jobs WHERE id = ? AND state = 'failed'");
    givenUp.filter((id) => wanted.has(id)).forEach((id) => forget.run(id));
  }

  /** Runs what is due now (up to the concurrency), then sleeps until the next job. */
  private wake(): void {
    if (!this.handler || this.stopped) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    const free = this.concurrency - this.running.size;
    if (free > 0) {
      const due = this.db
        .prepare(
          "SELECT id, reminder, run_at, attempts FROM reminder_jobs WHERE state = 'pending' AND run_at <= ? ORDER BY run_at, id LIMIT ?",
        )
        .all(Date.now(), free) as JobRow[];
      due.forEach((row) => this.run(row));
    }
    if (this.running.size >= this.concurrency) return; // a finishing job wakes the loop again
    const next = this.db.prepare("SELECT MIN(run_at) FROM reminder_jobs WHERE state = 'pending'").pluck().get() as
      number | null;
    if (next === null) return;
    this.timer = setTimeout(() => this.wake(), Math.min(Math.max(next - Date.now(), 0), MAX_SLEEP_MS));
    this.timer.unref();
  }

  private run(row: JobRow): void {
    this.db.prepare("UPDATE reminder_jobs SET state = 'active', attempts = attempts + 1 WHERE id = ?").run(row.id);
    const attempt = row.attempts + 1;
    const task = this.handler!(JSON.parse(row.reminder) as Reminder)
      .then(
        () => this.finish(row.id, 'completed', null),
        (error: unknown) => this.failed(row.id, attempt, error),
      )
      .finally(() => {
        this.running.delete(task);
        this.wake();
      });
    this.running.add(task);
  }

  private failed(id: string, attempt: number, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (attempt >= this.retry.attempts) return this.finish(id, 'failed', message);
    const retryAt = Date.now() + this.retry.backoffMs * 2 ** (attempt - 1);
    if (this.db.open)
      this.db
        .prepare("UPDATE reminder_jobs SET state = 'pending', run_at = ?, last_error = ? WHERE id = ?")
        .run(retryAt, message, id);
  }

  private finish(id: string, state: 'completed' | 'failed', lastError: string | null): void {
    if (!this.db.open) return; // stopped meanwhile: the job stays active and runs again at the next start
    this.db
      .prepare('UPDATE reminder_jobs SET state = ?, finished_at = ?, last_error = ? WHERE id = ?')
      .run(state, Date.now(), lastError, id);
  }
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
