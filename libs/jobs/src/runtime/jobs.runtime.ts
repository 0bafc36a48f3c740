import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { communeDirectoryProjection, MUNICIPALITIES } from '@cdce/communes';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { Mailer, mailConfigFrom } from '@cdce/mail';
import type { PeopleDirectory } from '@cdce/people';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock, PEOPLE_DIRECTORY } from '@cdce/platform';
import { Projector, type SqliteReadModelStore } from '@cdce/projections';
import type { MunicipalityRegistry } from '@cdce/reference';
import {
  DeadlinesReadModel,
  deadlinesProjection,
  REMINDER_POLICY,
  REMINDER_SCHEDULER,
  type ReminderPolicy,
  ReminderRunner,
  type ReminderScheduler,
} from '@cdce/reminders';
import { webinarCalendarProjection } from '@cdce/webinars';
import { JOBS_OPTIONS, type ResolvedJobsOptions } from '../jobs.options';
import { MomentumCheckJob } from '../momentum/momentum-check.job';
import { WebinarProgrammeJob } from '../programme/webinar-programme.job';
import type { RecurringJobExecutor } from '../recurring/recurring-job';
import { type JobsStatus, outboxMessageView, type OutboxMessageView } from './jobs-status';
import { RECURRING_EXECUTOR, WORKER_READ_MODELS } from './tokens';

/** The projections the worker keeps: the deadlines under `policy`, the commune directory, the webinar calendar. */
export function workerProjections(policy?: ReminderPolicy) {
  return [deadlinesProjection(policy), communeDirectoryProjection, webinarCalendarProjection] as const;
}

/**
 * The worker of one process: its projector (deadlines, commune directory, webinar calendar), the reminder executor
 * kept in step with the deadlines after each projector batch, the mail outbox, and the recurring jobs (monthly
 * webinar programme, daily momentum check). Starts when the application has bootstrapped, stops before the stores
 * close, so that nothing is left running (no open handle).
 */
@Injectable()
export class JobsRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  readonly projector: Projector;
  readonly programme: WebinarProgrammeJob;
  readonly momentum: MomentumCheckJob;
  private mailer?: Mailer;
  private readonly logger = new Logger('Worker');
  private resyncTimer?: NodeJS.Timeout;
  private started = false;
  private stopping = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PEOPLE_DIRECTORY) private readonly people: PeopleDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CommandBus) commands: CommandBus,
    @Inject(WORKER_READ_MODELS) readonly readModels: SqliteReadModelStore,
    @Inject(ReminderRunner) private readonly reminders: ReminderRunner,
    @Inject(REMINDER_SCHEDULER) private readonly reminderScheduler: ReminderScheduler,
    @Inject(REMINDER_POLICY) policy: ReminderPolicy,
    @Inject(RECURRING_EXECUTOR) readonly executor: RecurringJobExecutor,
    @Inject(JOBS_OPTIONS) private readonly options: ResolvedJobsOptions,
    @Optional() @Inject(MUNICIPALITIES) private readonly municipalities?: MunicipalityRegistry,
  ) {
    this.projector = new Projector(store, readModels, workerProjections(policy), {
      clock: () => clock.now(),
      onBatch: () => this.resyncSoon(),
      onWarning: (message) => this.logger.warn(message),
    });
    this.programme = new WebinarProgrammeJob(commands, readModels, clock, options.programmeRule, options.themes);
    this.momentum = new MomentumCheckJob(commands, readModels, clock, options.momentumCheckAt);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.catchUp();
    this.projector.start();
    const deadlines = new DeadlinesReadModel(this.readModels);
    const reconciled = await this.reminders.start(() => deadlines.all(), { resyncEveryMs: this.options.resyncEveryMs });
    this.started = true;
    if (this.options.mailer) {
      this.mailer = new Mailer({
        store: this.store,
        people: this.people,
        config: mailConfigFrom(this.config, this.options.env),
        clock: this.clock,
        renderer: { communeNameOf: (nis) => this.municipalities?.byNis(nis)?.names.fr },
        onError: (error, where) =>
          this.logger.error(
            `mail ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          ),
      });
      await this.mailer.start();
    }
    await this.executor.start([this.programme, this.momentum]);
    this.logger.log(
      `jobs on the ${this.executor.kind} executor (reminders: ${reconciled.added} added, ${reconciled.kept} kept); ` +
        `mail: ${this.describeMail()}; webinar programme ${this.programme.cron.pattern} ${this.programme.cron.tz}`,
    );
    if (this.options.programmeAtStart) {
      await this.programme
        .runOnce()
        .catch((error: unknown) => this.logger.error(`webinar programme: ${String(error)}`));
    }
  }

  /** Stops producing work before the event store and the files close (PlatformModule closes them on shutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.resyncTimer);
    await this.executor.stop();
    await this.projector.stop();
    await this.mailer?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    // The reminder runner stops its executor in its own shutdown hook; the read models close last.
    this.readModels.close();
  }

  /** What runs and what waits, for the queue dashboard. */
  async status(): Promise<JobsStatus> {
    const pending = await this.reminderScheduler.pending();
    return {
      executor: this.executor.kind,
      reminders: { pending: pending.length, next: pending.slice(0, 50) },
      recurring: await this.executor.planned(),
      mailer: this.mailer
        ? {
            enabled: true,
            transport: this.mailer.transport.kind,
            counts: this.mailer.outbox.counts(),
            failed: this.mailer.outbox.failed().map(outboxMessageView),
          }
        : { enabled: false },
      projector: this.projector.status(),
    };
  }

  /** The outbox of this process, or undefined when it does not deliver mail (CDCE_MAILER=off). */
  get outbox(): Mailer['outbox'] | undefined {
    return this.mailer?.outbox;
  }

  /** `smtp` or `eml` when this process delivers mail. */
  get mailTransportKind(): 'smtp' | 'eml' | undefined {
    return this.mailer?.transport.kind;
  }

  /** Gives a failed mail a new series of attempts and wakes the delivery loop. */
  retryMail(messageId: string): OutboxMessageView {
    if (!this.mailer) throw new Error('This process does not deliver mail (CDCE_MAILER=off).');
    const message = this.mailer.outbox.retry(messageId, this.clock.now());
    this.mailer.delivery.wake();
    return outboxMessageView(message);
  }

  get isRunning(): boolean {
    return this.started && !this.stopping;
  }

  /** One reconcile per burst of projected events, shortly after it. */
  private resyncSoon(): void {
    if (!this.started || this.stopping || this.resyncTimer) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = undefined;
      if (this.stopping) return;
      this.reminders.resync().catch((error: unknown) => this.logger.error(`reminders resync: ${String(error)}`));
    }, this.options.resyncDebounceMs);
    this.resyncTimer.unref();
  }

  private describeMail(): string {
    if (!this.mailer) return 'off in this process (CDCE_MAILER=off)';
    return this.mailer.transport.kind === 'smtp'
      ? 'SMTP'
      : `.eml files in ${mailConfigFrom(this.config, this.options.env).dataDir}/outbox`;
  }
}
