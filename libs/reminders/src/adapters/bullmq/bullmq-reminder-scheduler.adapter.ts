import { type Job, type JobType, Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { Reminder } from '../../domain/reminder';
import {
  DEFAULT_RETRY,
  type ReconcileResult,
  type ReminderHandler,
  type ReminderRetryOptions,
  type ReminderScheduler,
  type ScheduledReminder,
} from '../../scheduler/reminder-scheduler.port';

export interface BullMqReminderSchedulerOptions extends ReminderRetryOptions {
  /** `redis://host:port` (REDIS_URL). */
  readonly redisUrl: string;
  /** Key prefix in Redis (default `cdce`); tests use a unique one per run so that runs never collide. */
  readonly prefix?: string;
  /** Default `reminders`. */
  readonly queueName?: string;
  /** Jobs one worker runs at the same time (default 8). */
  readonly concurrency?: number;
  /** How long a worker holds a job before it is considered dead and the job stalled (default 30 s). */
  readonly lockDurationMs?: number;
  /** How often workers look for stalled jobs (default: half the lock duration). */
  readonly stalledIntervalMs?: number;
  /** Called with connection and worker errors (default: console.error); Redis going away is reported here. */
  readonly onError?: (error: Error) => void;
}

/** States of a job not yet run: reconcile may remove these. */
const PENDING: JobType[] = ['delayed', 'wait', 'prioritized'];
/** States whose id blocks adding the same job again (BullMQ ignores an add whose id exists). */
const KNOWN: JobType[] = [...PENDING, 'active', 'completed', 'failed'];
const CHUNK = 1000;
const PARALLEL_BATCHES = 4;
const JOB_NAME = 'reminder';

/**
 * BullMQ executor (Redis): one delayed job per reminder, with the reminder id as job id (deterministic: adding it
 * twice is a no-op), attempts with exponential backoff, and completed jobs kept for the retention window so that a
 * reconcile running before the read model caught up does not add a done job again. A worker that dies mid-job loses
 * its lock; another worker takes the stalled job again (at least once).
 *
 * Connections use an offline queue with unlimited retries: while Redis is away, calls wait for it rather than fail.
 */
export class BullMqReminderScheduler implements ReminderScheduler {
  private readonly queue: Queue<Reminder>;
  private readonly connection: IORedis;
  private worker?: Worker<Reminder>;
  private workerConnection?: IORedis;
  private readonly retry: Required<ReminderRetryOptions>;
  private readonly onError: (error: Error) => void;
  private stopped = false;

  constructor(private readonly options: BullMqReminderSchedulerOptions) {
    this.retry = {
      attempts: options.attempts ?? DEFAULT_RETRY.attempts,
      backoffMs: options.backoffMs ?? DEFAULT_RETRY.backoffMs,
      retentionMs: options.retentionMs ?? DEFAULT_RETRY.retentionMs,
      retryFailedAfterMs: options.retryFailedAfterMs ?? DEFAULT_RETRY.retryFailedAfterMs,
    };
    this.onError = options.onError ?? ((error) => console.error(`[reminders] ${error.message}`));
    this.connection = this.connect();
    this.queue = new Queue<Reminder>(this.queueName, {
      connection: this.connection,
      prefix: this.prefix,
      defaultJobOptions: {
        attempts: this.retry.attempts,
        backoff: { type: 'exponential', delay: this.retry.backoffMs },
        removeOnComplete: { age: Math.ceil(this.retry.retentionMs / 1000) },
        removeOnFail: { age: Math.ceil(this.retry.retentionMs / 1000) },
      },
    });
    this.queue.on('error', this.onError);
  }

  get prefix(): string {
    return this.options.prefix ?? 'cdce';
  }

  get queueName(): string {
    return this.options.queueName ?? 'reminders';
  }

  async reconcile(owed: readonly Reminder[]): Promise<ReconcileResult> {
    const wanted = new Map(owed.map((r) => [r.id, r]));
    const known = new Set(await this.queue.getRanges(KNOWN, 0, -1));
    for (const id of await this.givenUpAndOwed(wanted)) if ((await this.queue.remove(id)) === 1) known.delete(id);
    const pending = await this.queue.getRanges(PENDING, 0, -1);
    const stale = [...new Set(pending)].filter((id) => !wanted.has(id));
    const staleChunks: string[][] = [];
    for (let i = 0; i < stale.length; i += CHUNK) staleChunks.push(stale.slice(i, i + CHUNK));
    await inParallel(staleChunks, 1, (chunk) => Promise.all(chunk.map((id) => this.queue.remove(id))));
    const missing = [...wanted.values()].filter((r) => !known.has(r.id));
    const now = Date.now();
    // A few batches in flight keep Redis busy while the next batch is serialised (100,000 jobs in a few seconds).
    const chunks: Reminder[][] = [];
    for (let i = 0; i < missing.length; i += CHUNK) chunks.push(missing.slice(i, i + CHUNK));
    await inParallel(chunks, PARALLEL_BATCHES, (chunk) => this.queue.addBulk(chunk.map((r) => this.jobFor(r, now))));
    return { added: missing.length, removed: stale.length, kept: wanted.size - missing.length };
  }

  async schedule(reminder: Reminder): Promise<void> {
    const { name, data, opts } = this.jobFor(reminder, Date.now());
    await this.queue.add(name, data, opts);
  }

  async cancel(reminderId: string): Promise<void> {
    const job = await this.queue.getJob(reminderId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'delayed' || state === 'waiting' || state === 'prioritized') await this.queue.remove(reminderId);
  }

  async pending(): Promise<ScheduledReminder[]> {
    const jobs = await this.queue.getJobs(PENDING, 0, -1, true);
    return jobs
      .filter((job): job is Job<Reminder> => Boolean(job))
      .map((job) => ({ id: job.id!, dueAt: job.data.dueAt }))
      .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1));
  }

  async start(handler: ReminderHandler): Promise<void> {
    if (this.worker) throw new Error('The reminder scheduler is already started.');
    this.workerConnection = this.connect();
    this.worker = new Worker<Reminder>(this.queueName, (job) => handler(job.data), {
      connection: this.workerConnection,
      prefix: this.prefix,
      concurrency: this.options.concurrency ?? 8,
      ...(this.options.lockDurationMs !== undefined ? { lockDuration: this.options.lockDurationMs } : {}),
      ...(this.options.stalledIntervalMs !== undefined ? { stalledInterval: this.options.stalledIntervalMs } : {}),
    });
    this.worker.on('error', this.onError);
    await this.worker.waitUntilReady();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.worker?.close();
    await this.queue.close();
    await Promise.allSettled([this.connection.quit(), this.workerConnection?.quit()]);
  }

  /** Jobs that used all their attempts long enough ago and whose reminder is still owed: a reconcile adds them again. */
  private async givenUpAndOwed(wanted: ReadonlyMap<string, Reminder>): Promise<string[]> {
    const before = Date.now() - this.retry.retryFailedAfterMs;
    const failed = await this.queue.getJobs(['failed'], 0, -1);
    return failed
      .filter((job): job is Job<Reminder> => Boolean(job?.id) && wanted.has(job.id!))
      .filter((job) => (job.finishedOn ?? 0) < before)
      .map((job) => job.id!);
  }

  /** Drops every job of this queue (tests and benchmarks only: production queues are reconciled, never wiped). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  private jobFor(reminder: Reminder, now: number) {
    return {
      name: JOB_NAME,
      data: reminder,
      opts: { jobId: reminder.id, delay: Math.max(0, Date.parse(reminder.dueAt) - now) },
    };
  }

  private connect(): IORedis {
    const connection = new IORedis(this.options.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
    connection.on('error', this.onError);
    return connection;
  }
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
