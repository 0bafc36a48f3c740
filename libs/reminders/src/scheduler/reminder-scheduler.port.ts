import type { Reminder } from '../domain/reminder';

/** Runs one due reminder. Throwing makes the scheduler retry it later (exponential backoff), up to its attempts. */
export type ReminderHandler = (reminder: Reminder) => Promise<void>;

export interface ReconcileResult {
  /** Jobs created for reminders the executor did not know (past-due ones run at once). */
  readonly added: number;
  /** Pending jobs removed because their reminder is no longer owed. */
  readonly removed: number;
  /** Reminders already scheduled, or done within the retention window. */
  readonly kept: number;
}

/** What a job looks like from the outside, for operations and tests. */
export interface ScheduledReminder {
  readonly id: string;
  readonly dueAt: string;
}

/**
 * The executor of reminders: a durable timer per reminder, keyed by the reminder's deterministic id.
 *
 * Contract (one suite, `describeReminderSchedulerContract`, runs against every adapter):
 * - `schedule` is idempotent by id: scheduling a known id again does nothing, and an id completed within the
 *   retention window is not run again (the command behind it is idempotent too, this only saves work);
 * - a job runs at or after its `dueAt`; one whose `dueAt` is past runs at once;
 * - a failing handler is retried with exponential backoff, up to the configured attempts; a job that used them all
 *   is given a new series by a reconcile once `retryFailedAfterMs` has passed, as long as its reminder is still owed
 *   (an outage longer than the backoff delays a reminder, it does not drop it for the whole retention window);
 * - jobs survive a restart of the process (and, for Redis, of the worker): nothing scheduled is lost;
 * - delivery is at least once: a crash mid-job runs it again, so handlers must be idempotent.
 *
 * Job data is only the reminder's description: the job re-reads the commune when it runs.
 */
export interface ReminderScheduler {
  /**
   * Makes the pending jobs match `owed`: adds what is missing, removes pending jobs whose reminder is no longer owed
   * (stale), keeps the rest. Reminders that came due while the executor was down run at once. Called at start-up
   * with the deadlines read model, then whenever it changed.
   */
  reconcile(owed: readonly Reminder[]): Promise<ReconcileResult>;

  /** Adds one job for `reminder.dueAt` (no-op when the id is known). */
  schedule(reminder: Reminder): Promise<void>;

  /** Removes the pending job of that id, if any. A job already running finishes. */
  cancel(reminderId: string): Promise<void>;

  /** The jobs waiting to run (delayed or ready), soonest first. */
  pending(): Promise<ScheduledReminder[]>;

  /** Starts running due jobs with `handler`. Call once. */
  start(handler: ReminderHandler): Promise<void>;

  /** Stops taking jobs, waits for those running, and releases timers and connections. Idempotent. */
  stop(): Promise<void>;
}

/** Injection token of the configured executor. */
export const REMINDER_SCHEDULER = Symbol.for('cdce.ReminderScheduler');

/** Retry and retention settings shared by both executors. */
export interface ReminderRetryOptions {
  /** Runs of a failing job before it is given up (default 8). */
  readonly attempts?: number;
  /** First retry delay; each next one doubles (default 5 s). */
  readonly backoffMs?: number;
  /** How long a completed job's id is remembered, so that a late reconcile does not run it again (default 7 days). */
  readonly retentionMs?: number;
  /** How long after giving a job up a reconcile may start it again, if its reminder is still owed (default 1 h). */
  readonly retryFailedAfterMs?: number;
}

export const DEFAULT_RETRY: Required<ReminderRetryOptions> = {
  attempts: 8,
  backoffMs: 5_000,
  retentionMs: 7 * 24 * 60 * 60 * 1000,
  retryFailedAfterMs: 60 * 60 * 1000,
};
