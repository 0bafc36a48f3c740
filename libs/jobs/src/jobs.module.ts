import { type DynamicModule, Logger, Module } from '@nestjs/common';
import * as path from 'node:path';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@cdce/platform';
import { SqliteReadModelStore } from '@cdce/projections';
import { RemindersModule, type RemindersModuleOptions } from '@cdce/reminders';
import { WebinarsModule } from '@cdce/webinars';
import { JOBS_OPTIONS, type JobsOptions, resolveJobsOptions, type ResolvedJobsOptions } from './jobs.options';
import { BullMqRecurringExecutor } from './recurring/bullmq-recurring.executor';
import { InProcessRecurringExecutor } from './recurring/in-process-recurring.executor';
import type { RecurringJobExecutor } from './recurring/recurring-job';
import { JobsRuntime } from './runtime/jobs.runtime';
import { RECURRING_EXECUTOR, WORKER_READ_MODELS } from './runtime/tokens';

export interface JobsModuleOptions extends JobsOptions {
  /** Passed to the reminders executor (prefix, retries, BullMQ lock settings…). */
  readonly reminders?: RemindersModuleOptions;
}

/**
 * The worker runtime as a module, for apps/worker and for apps/api when it runs the worker itself (`CDCE_WORKER`
 * embedded). Needs PlatformModule, CqrsModule and CommunesModule. Global, so that an admin page can read its status.
 * BullMQ when the app config has a Redis URL, timers in this process otherwise.
 */
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions = {}): DynamicModule {
    const logger = new Logger('Worker');
    return {
      module: JobsModule,
      global: true,
      imports: [
        WebinarsModule,
        RemindersModule.forRoot({
          prefix: options.prefix,
          onError: (e) => logger.error(`reminders: ${e.message}`),
          ...options.reminders,
        }),
      ],
      providers: [
        {
          provide: JOBS_OPTIONS,
          inject: [{ token: APP_CONFIG, optional: true }],
          useFactory: (config?: AppConfig) => resolveJobsOptions(options, config),
        },
        {
          provide: WORKER_READ_MODELS,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) =>
            SqliteReadModelStore.open(path.join(config.dataDir, 'worker-read-models.sqlite'), {
              checkpointInBackground: true,
            }),
        },
        {
          provide: RECURRING_EXECUTOR,
          inject: [APP_CONFIG, CLOCK, JOBS_OPTIONS],
          useFactory: (config: AppConfig, clock: Clock, resolved: ResolvedJobsOptions): RecurringJobExecutor =>
            config.redisUrl
              ? new BullMqRecurringExecutor({
                  redisUrl: config.redisUrl,
                  prefix: resolved.prefix,
                  onError: (e) => logger.error(`jobs: ${e.message}`),
                })
              : new InProcessRecurringExecutor({
                  now: () => clock.now(),
                  onError: (job, e) => logger.error(`${job}: ${String(e)}`),
                }),
        },
        JobsRuntime,
      ],
      exports: [JobsRuntime, WORKER_READ_MODELS, RECURRING_EXECUTOR],
    };
  }
}
