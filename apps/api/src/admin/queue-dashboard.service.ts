import {
  ConflictException,
  Inject,
  Injectable,
  type OnApplicationShutdown,
  Optional,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  type FailedJobView,
  JobsRuntime,
  outboxMessageView,
  type OutboxMessageView,
  QueueInspector,
  type QueueView,
} from '@cdce/jobs';
import { OutboxMessageAlreadySentError, type OutboxStatus } from '@cdce/mail';
import { APP_CONFIG, type AppConfig } from '@cdce/platform';

/** The queue dashboard's data, in JSON-safe shapes (no bigint). */
export interface QueueDashboard {
  /** `bullmq`: the queues live in Redis (any worker); `in-process`: this process runs the worker; `none`: neither. */
  readonly mode: 'bullmq' | 'in-process' | 'none';
  readonly queues: readonly QueueView[];
  /** The in-process executor's pending reminders and planned recurring jobs, when this process runs the worker. */
  readonly worker: {
    readonly executor: string;
    readonly pendingReminders: number;
    readonly nextReminders: ReadonlyArray<{ id: string; dueAt: string }>;
    readonly recurring: ReadonlyArray<{ name: string; nextRunAt: string | null }>;
  } | null;
  readonly outbox: OutboxSummary | null;
}

export interface OutboxSummary {
  readonly transport: 'smtp' | 'eml';
  readonly counts: Record<OutboxStatus, number>;
  readonly messages: readonly OutboxMessageView[];
}

/**
 * What the coordination sees of the background work: BullMQ queues when Redis is configured (counts, failed jobs with
 * their error, retry), and, when this process runs the worker, its pending jobs and the mail outbox.
 */
@Injectable()
export class QueueDashboardService implements OnApplicationShutdown {
  private readonly inspector?: QueueInspector;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Optional() @Inject(JobsRuntime) private readonly runtime?: JobsRuntime,
  ) {
    if (config.redisUrl) this.inspector = new QueueInspector(config.redisUrl, process.env.CDCE_QUEUE_PREFIX || 'cdce');
  }

  async dashboard(): Promise<QueueDashboard> {
    const status = this.runtime?.isRunning ? await this.runtime.status() : undefined;
    return {
      mode: this.inspector ? 'bullmq' : status ? 'in-process' : 'none',
      queues: this.inspector ? await this.inspector.list() : [],
      worker: status
        ? {
            executor: status.executor,
            pendingReminders: status.reminders.pending,
            nextReminders: status.reminders.next.map(({ id, dueAt }) => ({ id, dueAt })),
            recurring: status.recurring,
          }
        : null,
      outbox: this.runtime?.outbox ? this.outbox('failed') : null,
    };
  }

  outbox(status?: OutboxStatus): OutboxSummary {
    const outbox = this.runtime?.isRunning ? this.runtime.outbox : undefined;
    const transport = this.runtime?.mailTransportKind;
    if (!outbox || !transport) {
      throw new ServiceUnavailableException({
        code: 'OUTBOX_UNAVAILABLE',
        detail:
          'This process does not deliver mail (CDCE_WORKER=off or CDCE_MAILER=off): the outbox is kept by the worker that runs with CDCE_MAILER=on.',
      });
    }
    return {
      transport,
      counts: outbox.counts(),
      messages: outbox.list({ ...(status ? { status } : {}), limit: 200 }).map(outboxMessageView),
    };
  }

  retryMail(messageId: string): OutboxMessageView {
    this.outbox();
    try {
      return this.runtime!.retryMail(messageId);
    } catch (error) {
      if (error instanceof OutboxMessageAlreadySentError)
        throw new ConflictException({ code: error.code, detail: error.message });
      throw error;
    }
  }

  async retryJob(queue: string, jobId: string): Promise<FailedJobView[]> {
    if (!this.inspector) {
      throw new ServiceUnavailableException({
        code: 'QUEUES_UNAVAILABLE',
        detail: 'No Redis is configured (REDIS_URL): jobs run in-process and retry by themselves.',
      });
    }
    await this.inspector.retry(queue, jobId);
    return (await this.inspector.list()).flatMap((q) => q.failed);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.inspector?.close();
  }
}
