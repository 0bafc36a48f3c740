import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { PlannedRun, RecurringJob, RecurringJobExecutor } from './recurring-job';

export interface BullMqRecurringOptions {
  readonly redisUrl: string;
  /** Key prefix (default `cdce`). */
  readonly prefix?: string;
  /** Default `jobs`. */
  readonly queueName?: string;
  /** Runs of a failing job before it is given up (default 5), with exponential backoff from 1 min. */
  readonly attempts?: number;
  readonly backoffMs?: number;
  readonly onError?: (error: Error) => void;
}

/**
 * BullMQ job schedulers (`upsertJobScheduler(name, { pattern, tz })`): every worker upserts the same schedulers at
 * start (idempotent by name), Redis produces one job per occurrence, and exactly one worker takes it.
 */
export class BullMqRecurringExecutor implements RecurringJobExecutor {
  readonly kind = 'bullmq' as const;
  readonly queue: Queue;
  private readonly connection: IORedis;
  private workerConnection?: IORedis;
  private worker?: Worker;
  private jobs = new Map<string, RecurringJob>();
  private stopped = false;

  constructor(private readonly options: BullMqRecurringOptions) {
    const onError = options.onError ?? ((error: Error) => console.error(`[jobs] ${error.message}`));
    this.connection = this.connect(onError);
    this.queue = new Queue(this.queueName, { connection: this.connection, prefix: this.prefix });
    this.queue.on('error', onError);
  }

  get prefix(): string {
    return this.options.prefix ?? 'cdce';
  }

  get queueName(): string {
    return this.options.queueName ?? 'jobs';
  }

  async start(jobs: readonly RecurringJob[]): Promise<void> {
    this.jobs = new Map(jobs.map((job) => [job.name, job]));
    for (const job of jobs) {
      await this.queue.upsertJobScheduler(
        job.name,
        { pattern: job.cron.pattern, tz: job.cron.tz },
        {
          name: job.name,
          data: {},
          opts: {
            attempts: this.options.attempts ?? 5,
            backoff: { type: 'exponential', delay: this.options.backoffMs ?? 60_000 },
            removeOnComplete: { count: 100 },
            removeOnFail: { count: 100 },
          },
        },
      );
    }
    const onError = this.options.onError ?? ((error: Error) => console.error(`[jobs] ${error.message}`));
    this.workerConnection = this.connect(onError);
    this.worker = new Worker(
      this.queueName,
      async (job) => {
        const recurring = this.jobs.get(job.name);
        if (!recurring) throw new Error(`No recurring job named ${job.name} in this worker.`);
        await recurring.run();
      },
      { connection: this.workerConnection, prefix: this.prefix, concurrency: 1 },
    );
    this.worker.on('error', onError);
    await this.worker.waitUntilReady();
  }

  async planned(): Promise<PlannedRun[]> {
    const schedulers = await this.queue.getJobSchedulers(0, -1, true);
    return schedulers.map((s) => ({ name: s.key, nextRunAt: s.next ? new Date(s.next).toISOString() : null }));
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.worker?.close();
    await this.queue.close();
    await Promise.allSettled([this.connection.quit(), this.workerConnection?.quit()]);
  }

  /** Drops every job and scheduler of this queue (tests only). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }

  private connect(onError: (error: Error) => void): IORedis {
    const connection = new IORedis(this.options.redisUrl, { maxRetriesPerRequest: null });
    connection.on('error', onError);
    return connection;
  }
}
