// Public API of the jobs lib: the worker runtime (projector, reminders, mail outbox, webinar programme, momentum
// check) as one Nest module, for apps/worker and for apps/api when it runs the worker itself.
export { JobsModule, type JobsModuleOptions } from './jobs.module';
export { jobsOptionsFromEnv, resolveJobsOptions, type JobsOptions, type ResolvedJobsOptions } from './jobs.options';
export { JobsRuntime, workerProjections } from './runtime/jobs.runtime';
export { outboxMessageView, type JobsStatus, type MailerStatus, type OutboxMessageView } from './runtime/jobs-status';
export { WORKER_READ_MODELS, RECURRING_EXECUTOR } from './runtime/tokens';
export type { RecurringJob, RecurringJobExecutor, PlannedRun } from './recurring/recurring-job';
export { InProcessRecurringExecutor } from './recurring/in-process-recurring.executor';
export { BullMqRecurringExecutor } from './recurring/bullmq-recurring.executor';
export { dailyRule } from './recurring/daily-rule';
export {
  WebinarProgrammeJob,
  WEBINAR_PROGRAMME_JOB,
  PROGRAMME_ACTOR,
  type ProgrammeRunReport,
} from './programme/webinar-programme.job';
export {
  MomentumCheckJob,
  MOMENTUM_CHECK_JOB,
  MOMENTUM_CHECK_ACTOR,
  noWebinarAlertId,
  type MomentumCheckReport,
} from './momentum/momentum-check.job';
export {
  QueueInspector,
  QueueJobNotFoundError,
  CDCE_QUEUES,
  type QueueView,
  type FailedJobView,
} from './queues/queue-inspector';
