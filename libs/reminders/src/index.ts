// Public API of the reminders lib: the pure deadline policy, the deadlines read model, the scheduler port and its
// adapters, and the job that records a due reminder.
export * from './domain/business-calendar';
export * from './domain/reminder';
export * from './domain/reminder-policy';
export * from './domain/deadline-subject';
export * from './domain/deadline-policy';
export * from './projections/deadlines.projection';
export * from './projections/deadlines.read-model';
