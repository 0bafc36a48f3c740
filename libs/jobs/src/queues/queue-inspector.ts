import { Queue } from 'bullmq';
import IORedis from 'ioredis';

/** The BullMQ queues cdce runs: reminders (one delayed job per reminder) and the recurring jobs. */
export const CDCE_QUEUES = ['reminders', 'jobs'] as const;

export interface FailedJobView {
  readonly queue: string;
  readonly id: string;
  readonly name: string;
  readonly failedReason: string;
  readonly attemptsMade: number;
  readonly finishedAt: string | null;
}

export interface QueueView {
  readonly name: string;
  readonly counts: Record<string, number>;
  readonly failed: readonly FailedJobView[];
}

export class QueueJobNotFoundError extends Error {
  readonly code = 'QUEUE_JOB_NOT_FOUND';
  constructor(queue: string, id: string) {
    super(`No job ${id} in queue ${queue}.`);
  }
}

/** Read-only view of the BullMQ queues (counts, failed jobs with their error) and a retry of a failed job. */
export class QueueInspector {
  private readonly connection: IORedis;
  private readonly queues: Map<string, Queue>;

  constructor(redisUrl: string, prefix = 'cdce', names: readonly string[] = CDCE_QUEUES) {
    this.connection = new IORedis(redisUrl, { maxRetriesPerRequest: null });
    this.connection.on('error', () => undefined);
    this.queues = new Map(names.map((name) => [name, new Queue(name, { connection: this.connection, prefix })]));
  }

  async list(failedLimit = 50): Promise<QueueView[]> {
    return Promise.all(
      [...this.queues].map(async ([name, queue]) => ({
        name,
        counts: await queue.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'),
        failed: (await queue.getFailed(0, failedLimit - 1)).map((job) => ({
          queue: name,
          id: job.id!,
          name: job.name,
          failedReason: job.failedReason,
          attemptsMade: job.attemptsMade,
          finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        })),
      })),
    );
  }

  /** Moves a failed job back to the waiting list. */
  async retry(queueName: string, jobId: string): Promise<void> {
    const queue = this.queues.get(queueName);
    const job = queue && (await queue.getJob(jobId));
    if (!job) throw new QueueJobNotFoundError(queueName, jobId);
    await job.retry('failed');
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.connection.quit().catch(() => undefined);
  }
}
