// Public API of the reminders lib: the pure deadline policy, the deadlines read model, the scheduler port and its
// adapters, and the job that records a due reminder.
export * from './domain/business-calendar';
export * from './domain/reminder';
export * from './domain/reminder-policy';
export * from './domain/deadline-subject';
export * from './domain/deadline-policy';
export * from './projections/deadlines.projection';
export * from './projections/deadlines.read-model';
export * from './scheduler/reminder-scheduler.port';
export {
  InProcessReminderScheduler,
  type InProcessReminderSchedulerOptions,
} from './adapters/in-process/in-process-reminder-scheduler.adapter';
export {
  BullMqReminderScheduler,
  type BullMqReminderSchedulerOptions,
} from './adapters/bullmq/bullmq-reminder-scheduler.adapter';
export { REMINDER_POLICY } from './application/tokens';
export { ReminderJobHandler, REMINDER_ACTOR, type ReminderJobOutcome } from './application/reminder-job.handler';
export { ReminderRunner, type OwedReminders, type ReminderRunnerOptions } from './application/reminder-runner';
export { RemindersModule, createReminderScheduler, type RemindersModuleOptions } from './application/reminders.module';
