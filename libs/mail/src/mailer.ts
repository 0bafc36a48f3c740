import type { EventStore } from '@cdce/eventsourcing';
import type { PeopleDirectory } from '@cdce/people';
import { type Clock, systemClock } from '@cdce/platform';
import { OutboxDeliveryLoop, type OutboxDeliveryOptions } from './delivery/outbox-delivery';
import { OutboxRenderer, type OutboxRendererOptions } from './delivery/outbox-renderer';
import type { MailConfig } from './mail.config';
import { OutboxConsumer } from './outbox/outbox-consumer';
import { SqliteOutboxStore } from './outbox/sqlite-outbox.store';
import { createTransport } from './transports/create-transport';
import type { MailTransport } from './transports/mail-transport.port';

export interface MailerDependencies {
  readonly store: EventStore;
  readonly people: PeopleDirectory;
  readonly config: MailConfig;
  readonly clock?: Clock;
  /** Default: {@link createTransport} from the config. */
  readonly transport?: MailTransport;
  readonly renderer?: Partial<Pick<OutboxRendererOptions, 'communeNameOf' | 'webinarUrlOf'>>;
  readonly delivery?: Omit<OutboxDeliveryOptions, 'clock' | 'backoffMs' | 'onError'>;
  /**
   * Errors of the background work that no mail's own state can show: a delivery pass that failed as a whole, the
   * consumer stopped. Default: console.error, so that mail never stops silently.
   */
  readonly onError?: (error: unknown, where: 'delivery' | 'consumer') => void;
}

/**
 * The whole mail side for the worker: the outbox store, the consumer feeding it from the log, and the delivery loop.
 * `start()` catches up then runs both in the background; `stop()` stops both and closes the files and connections.
 */
export class Mailer {
  readonly outbox: SqliteOutboxStore;
  readonly consumer: OutboxConsumer;
  readonly delivery: OutboxDeliveryLoop;
  readonly transport: MailTransport;

  constructor(deps: MailerDependencies) {
    const clock = deps.clock ?? systemClock;
    const onError =
      deps.onError ??
      ((error: unknown, where: string) =>
        console.error(`[mail] ${where}: ${error instanceof Error ? error.message : String(error)}`));
    this.outbox = SqliteOutboxStore.open(deps.config.outboxPath);
    this.transport = deps.transport ?? createTransport(deps.config);
    const renderer = new OutboxRenderer(deps.store, deps.people, {
      from: deps.config.from,
      coordination: { name: 'Coordination CDCE', email: deps.config.coordinationEmail },
      ...deps.renderer,
    });
    this.delivery = new OutboxDeliveryLoop(this.outbox, renderer, this.transport, {
      ...deps.delivery,
      clock,
      backoffMs: deps.config.backoffMs,
      onError: (error) => onError(error, 'delivery'),
    });
    this.consumer = new OutboxConsumer(deps.store, this.outbox, {
      clock,
      maxAgeMs: deps.config.maxAgeMs,
      onRecorded: () => this.delivery.wake(),
      onError: (error) => onError(error, 'consumer'),
      onTooOld: (count) =>
        console.warn(
          `[mail] ${count} event(s) older than ${deps.config.maxAgeMs / 86_400_000} day(s) not mailed (CDCE_MAIL_MAX_AGE_DAYS).`,
        ),
    });
  }

  async start(): Promise<void> {
    await this.consumer.catchUp();
    this.consumer.start();
    this.delivery.start();
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    await this.delivery.stop();
    await this.transport.close();
    this.outbox.close();
  }
}
