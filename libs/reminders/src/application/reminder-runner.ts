import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, type Clock } from '@cdce/platform';
import { withoutSuperseded } from '../domain/deadline-policy';
import type { Reminder } from '../domain/reminder';
import { REMINDER_SCHEDULER, type ReconcileResult, type ReminderScheduler } from '../scheduler/reminder-scheduler.port';
import { ReminderJobHandler } from './reminder-job.handler';

export type OwedReminders = () => readonly Reminder[] | Promise<readonly Reminder[]>;

export interface ReminderRunnerOptions {
  /** Periodic reconcile, whatever happened (default 60 s; 0 = never). */
  readonly resyncEveryMs?: number;
  /**
   * Told when a periodic reconcile fails (default: the Nest logger). It is retried at the next period, but until one
   * succeeds new reminders are not queued and stale ones not removed: that must show in the logs.
   */
  readonly onResyncError?: (error: unknown) => void;
}

/**
 * Keeps the executor in step with the deadlines read model: reconcile at start (what came due while down runs at
 * once), run due jobs with {@link ReminderJobHandler}, reconcile again periodically and whenever asked (e.g. after the
 * projector committed a batch). Reminders already superseded at reconcile time are not even queued.
 */
@Injectable()
export class ReminderRunner implements OnApplicationShutdown {
  private owed?: OwedReminders;
  private timer?: NodeJS.Timeout;
  private syncing?: Promise<ReconcileResult>;

  constructor(
    @Inject(REMINDER_SCHEDULER) private readonly scheduler: ReminderScheduler,
    @Inject(ReminderJobHandler) private readonly handler: ReminderJobHandler,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Starts the executor; `owed` reads every owed reminder (usually `new DeadlinesReadModel(readModels).all()`). */
  async start(owed: OwedReminders, options: ReminderRunnerOptions = {}): Promise<ReconcileResult> {
    this.owed = owed;
    const first = await this.resync();
    await this.scheduler.start(async (reminder) => void (await this.handler.handle(reminder)));
    const every = options.resyncEveryMs ?? 60_000;
    if (every > 0) {
      const onError =
        options.onResyncError ??
        ((error: unknown) =>
          new Logger('Reminders').error(
            `periodic reconcile failed, retried in ${every} ms: ${error instanceof Error ? error.message : String(error)}`,
          ));
      this.timer = setInterval(() => void this.resync().catch(onError), every);
      this.timer.unref();
    }
    return first;
  }

  /** Reconciles now; concurrent calls share one run. */
  resync(): Promise<ReconcileResult> {
    if (!this.owed) throw new Error('Start the reminder runner before asking it to resync.');
    this.syncing ??= (async () => {
      try {
        return await this.scheduler.reconcile(withoutSuperseded(await this.owed!(), this.clock.now()));
      } finally {
        this.syncing = undefined;
      }
    })();
    return this.syncing;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.syncing?.catch(() => undefined);
    await this.scheduler.stop();
  }
}
