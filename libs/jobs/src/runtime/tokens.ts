/** The worker's own read models (`<dataDir>/worker-read-models.sqlite`): deadlines, commune directory, webinars. */
export const WORKER_READ_MODELS = Symbol.for('cdce.WorkerReadModels');

/** The executor of recurring jobs (programme, momentum check). */
export const RECURRING_EXECUTOR = Symbol.for('cdce.RecurringJobExecutor');
