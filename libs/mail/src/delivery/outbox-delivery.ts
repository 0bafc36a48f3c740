import type { Clock } from '@cdce/platform';
import type { OutboxMessage, SqliteOutboxStore } from '../outbox/sqlite-outbox.store';
import type { MailTransport } from '../transports/mail-transport.port';
import { DEFAULT_BACKOFF_MS, nextAttemptAfter } from './backoff';
import type { OutboxRenderer } from './outbox-renderer';

export interface OutboxDeliveryOptions {
  readonly clock?: Clock;
  /** Waits between attempts; its length + 1 is the number of attempts. Default 1 min, 5 min, 30 min, 2 h, 12 h. */
  readonly backoffMs?: readonly number[];
  /** How long a claimed message is reserved for one attempt; after it a crashed attempt is taken again. */
  readonly leaseMs?: number;
  /** How often the loop looks for due messages when nothing wakes it. */
  readonly pollIntervalMs?: number;
  readonly batchSize?: number;
  readonly onError?: (error: unknown) => void;
}

export interface DeliveryReport {
  readonly sent: number;
  /** Failed attempts that will be tried again. */
  readonly retried: number;
  /** Messages that used their last attempt. */
  readonly failed: number;
}

/**
 * Delivers due outbox messages, apart from recording them: claim (lease) → resolve recipients → send to each one not
 * reached yet → mark sent; on any error, back to pending with the next backoff delay, or `failed` after the last.
 * A crash mid-attempt leaves the message `sending` until its lease ends, then it is taken again: a mail is delayed,
 * never lost; a recipient already reached is not written to twice (and if the crash came between the server's
 * acceptance and the record, the repeated Message-ID makes the duplicate recognisable).
 */
export class OutboxDeliveryLoop {
  private readonly clock: Clock;
  private readonly backoffMs: readonly number[];
  private readonly leaseMs: number;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private timer?: NodeJS.Timeout;
  private running = false;
  private pass?: Promise<unknown>;
  private again = false;

  constructor(
    private readonly outbox: SqliteOutboxStore,
    private readonly renderer: OutboxRenderer,
    private readonly transport: MailTransport,
    private readonly options: OutboxDeliveryOptions = {},
  ) {
    this.clock = options.clock ?? { now: () => new Date() };
    this.backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.pollIntervalMs = options.pollIntervalMs ?? 5_000;
    this.batchSize = options.batchSize ?? 50;
  }

  /** Most attempts a message gets before it is `failed`. */
  get maxAttempts(): number {
    return this.backoffMs.length + 1;
  }

  /** Delivers every message due now, then returns what happened. */
  async deliverDue(): Promise<DeliveryReport> {
    const report = { sent: 0, retried: 0, failed: 0 };
    for (;;) {
      const batch = this.outbox.claimDue(this.clock.now(), this.batchSize, this.leaseMs);
      if (batch.length === 0) return report;
      for (const message of batch) {
        const outcome = await this.attempt(message);
        if (outcome !== 'lost') report[outcome]++;
      }
    }
  }

  /** Polls in the background; {@link wake} starts a pass at once (the consumer calls it after recording). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.wake();
  }

  wake(): void {
    if (!this.running) return;
    if (this.pass) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.pass = this.deliverDue()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.pass = undefined;
        if (!this.running) return;
        if (this.again) {
          this.again = false;
          this.wake();
        } else this.timer = setTimeout(() => this.wake(), this.pollIntervalMs);
      });
  }

  /** Stops polling and waits for the pass under way. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.pass;
  }

  /** `lost`: another mailer took the message after this claim's lease ran out; its outcome is that mailer's. */
  private async attempt(message: OutboxMessage): Promise<'sent' | 'retried' | 'failed' | 'lost'> {
    // The batch was claimed at once: by now the lease of a message far down the batch may have run out.
    if (!this.outbox.renewLease(message.id, message.attempts, this.clock.now(), this.leaseMs)) return 'lost';
    try {
      await this.deliver(message);
      return this.outbox.markSent(message.id, message.attempts, this.clock.now()) ? 'sent' : 'lost';
    } catch (error) {
      const now = this.clock.now();
      const retryAt =
        message.attempts < this.maxAttempts ? nextAttemptAfter(message.attempts, now, this.backoffMs) : null;
      if (!this.outbox.markAttemptFailed(message.id, message.attempts, describe(error), retryAt, now)) return 'lost';
      return retryAt ? 'retried' : 'failed';
    }
  }

  private async deliver(message: OutboxMessage): Promise<void> {
    const prepared = await this.renderer.prepare(message);
    if (prepared.recipients.length === 0 && prepared.needsRecipients) {
      throw new Error(
        'No one to write to: the commune has no reachable COPIL member or contact in the people directory.',
      );
    }
    const reached = new Set(this.outbox.deliveriesOf(message.id).map((delivery) => delivery.recipient));
    const errors: string[] = [];
    for (const recipient of prepared.recipients) {
      if (reached.has(recipient.key)) continue;
      const mail = prepared.compose(recipient);
      try {
        await this.transport.send(mail);
        this.outbox.recordDelivery(message.id, recipient.key, mail.messageId, this.clock.now());
      } catch (error) {
        // Keep going: one refused address must not hold back the other recipients.
        errors.push(`${recipient.key}: ${describe(error)}`);
      }
    }
    if (errors.length > 0) throw new Error(errors.join('; '));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
