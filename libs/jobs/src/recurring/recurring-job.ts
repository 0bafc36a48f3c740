/**
 * A job that comes back on a calendar rule (the monthly webinar programme, the daily momentum check). Runs must be
 * idempotent: the BullMQ executor delivers at least once, and a run may repeat after a crash.
 */
export interface RecurringJob {
  /** Stable name: also the BullMQ job scheduler id. */
  readonly name: string;
  /** The rule for BullMQ's job scheduler (`upsertJobScheduler(name, { pattern, tz })`). */
  readonly cron: { readonly pattern: string; readonly tz: string };
  /** The first run strictly after `after`, for the in-process executor (the same rule as `cron`). */
  nextRunAfter(after: Date): Date;
  run(): Promise<void>;
}

/** A planned run, for operations (the admin page). */
export interface PlannedRun {
  readonly name: string;
  readonly nextRunAt: string | null;
}

/** Runs recurring jobs: timers in this process, or BullMQ job schedulers shared by every worker. */
export interface RecurringJobExecutor {
  readonly kind: 'in-process' | 'bullmq';
  start(jobs: readonly RecurringJob[]): Promise<void>;
  planned(): Promise<PlannedRun[]>;
  /** Stops the timers or the worker, waits for a run in progress. Idempotent. */
  stop(): Promise<void>;
}
