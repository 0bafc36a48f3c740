import type { PlannedRun, RecurringJob, RecurringJobExecutor } from './recurring-job';

/** setTimeout's ceiling is ~24.8 days: a farther run is reached by waking up once a day and looking again. */
const MAX_SLEEP_MS = 24 * 60 * 60 * 1000;

export interface InProcessRecurringOptions {
  /** The source of time (the app clock). */
  readonly now: () => Date;
  /** Wait before running a failed job again (default 5 min); the next planned run comes anyway. */
  readonly retryAfterMs?: number;
  readonly onError?: (job: string, error: unknown) => void;
}

/**
 * The embedded executor: one timer per job to its next run, re-armed after each run. Nothing is persisted: the next
 * run is recomputed from the rule at start-up, and a run missed while the process was down is caught up by the
 * runtime's start-up run (the jobs are idempotent).
 */
export class InProcessRecurringExecutor implements RecurringJobExecutor {
  readonly kind = 'in-process' as const;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly next = new Map<string, Date>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly options: InProcessRecurringOptions) {}

  async start(jobs: readonly RecurringJob[]): Promise<void> {
    for (const job of jobs) this.arm(job, job.nextRunAfter(this.options.now()));
  }

  async planned(): Promise<PlannedRun[]> {
    return [...this.next].map(([name, at]) => ({ name, nextRunAt: at.toISOString() }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private arm(job: RecurringJob, at: Date): void {
    if (this.stopped) return;
    this.next.set(job.name, at);
    const wait = Math.max(0, at.getTime() - this.options.now().getTime());
    const timer = setTimeout(
      () => (wait > MAX_SLEEP_MS ? this.arm(job, at) : this.fire(job, at)),
      Math.min(wait, MAX_SLEEP_MS),
    );
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private fire(job: RecurringJob, at: Date): void {
    const run = job
      .run()
      .then(
        () => this.arm(job, job.nextRunAfter(at)),
        (error: unknown) => {
          this.options.onError?.(job.name, error);
          const retry = new Date(this.options.now().getTime() + (this.options.retryAfterMs ?? 5 * 60_000));
          const planned = job.nextRunAfter(at);
          this.arm(job, retry < planned ? retry : planned);
        },
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }
}
