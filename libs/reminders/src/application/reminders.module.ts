import { type DynamicModule, Module } from '@nestjs/common';
import * as path from 'node:path';
import { APP_CONFIG, type AppConfig } from '@cdce/platform';
import { BullMqReminderScheduler } from '../adapters/bullmq/bullmq-reminder-scheduler.adapter';
import { InProcessReminderScheduler } from '../adapters/in-process/in-process-reminder-scheduler.adapter';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from '../domain/reminder-policy';
import {
  REMINDER_SCHEDULER,
  type ReminderRetryOptions,
  type ReminderScheduler,
} from '../scheduler/reminder-scheduler.port';
import { ReminderJobHandler } from './reminder-job.handler';
import { ReminderRunner } from './reminder-runner';
import { REMINDER_POLICY } from './tokens';

export interface RemindersModuleOptions extends ReminderRetryOptions {
  /** BullMQ on this Redis; default: the app config's `redisUrl` (REDIS_URL). Without one, the in-process executor. */
  readonly redisUrl?: string;
  /** Folder of the in-process executor's SQLite file; default: the app config's `dataDir`, else `var/`. */
  readonly dataDir?: string;
  readonly policy?: ReminderPolicy;
  /** BullMQ key prefix (default `cdce`). */
  readonly prefix?: string;
  readonly concurrency?: number;
  /** BullMQ: how long a worker holds a job before another may take it (default 30 s). */
  readonly lockDurationMs?: number;
  readonly stalledIntervalMs?: number;
  /** BullMQ connection and worker errors (default: console.error). */
  readonly onError?: (error: Error) => void;
}

/** The executor the configuration asks for: BullMQ when a Redis URL is set, else timers persisted in SQLite. */
export function createReminderScheduler(options: RemindersModuleOptions, config?: AppConfig): ReminderScheduler {
  const redisUrl = options.redisUrl ?? config?.redisUrl;
  const retry = {
    attempts: options.attempts,
    backoffMs: options.backoffMs,
    retentionMs: options.retentionMs,
    retryFailedAfterMs: options.retryFailedAfterMs,
  };
  if (redisUrl) {
    return new BullMqReminderScheduler({
      redisUrl,
      ...retry,
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDurationMs: options.lockDurationMs,
      stalledIntervalMs: options.stalledIntervalMs,
      onError: options.onError,
    });
  }
  const dataDir = options.dataDir ?? config?.dataDir ?? path.resolve('var');
  return InProcessReminderScheduler.open({
    path: path.join(dataDir, 'reminder-jobs.sqlite'),
    ...retry,
    concurrency: options.concurrency,
  });
}

/**
 * Deadline reminders: the policy, the executor and the job. Needs PlatformModule (event store, clock, config),
 * CqrsModule and CommunesModule (the commands the job sends). The worker starts {@link ReminderRunner} with the
 * deadlines read model once its projector runs.
 */
@Module({})
export class RemindersModule {
  static forRoot(options: RemindersModuleOptions = {}): DynamicModule {
    return {
      module: RemindersModule,
      providers: [
        { provide: REMINDER_POLICY, useValue: options.policy ?? DEFAULT_REMINDER_POLICY },
        {
          provide: REMINDER_SCHEDULER,
          useFactory: (config?: AppConfig) => createReminderScheduler(options, config),
          inject: [{ token: APP_CONFIG, optional: true }],
        },
        ReminderJobHandler,
        ReminderRunner,
      ],
      exports: [REMINDER_POLICY, REMINDER_SCHEDULER, ReminderJobHandler, ReminderRunner],
    };
  }
}
