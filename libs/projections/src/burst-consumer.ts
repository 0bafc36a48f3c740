import type { EventSubscription, RecordedEvent } from '@cdce/eventsourcing';

/**
 * Consumes a live subscription in bursts: events are handed to `apply` together once the subscription has nothing
 * more ready (or `batchSize` are waiting), so a reader committing each batch in one transaction commits once per
 * burst of appends, not once per event. When `apply` throws, the subscription is closed and `onError` is told:
 * nothing after the failed batch is applied.
 */
export class BurstConsumer {
  private pending: RecordedEvent[] = [];
  private flushScheduled = false;

  constructor(
    private readonly subscription: EventSubscription,
    private readonly batchSize: number,
    private readonly apply: (batch: readonly RecordedEvent[]) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /**
   * Subscribes and consumes in the background until `stop()`; the one lifecycle shared by every reader of the log
   * that commits per burst (projector, mail outbox).
   */
  static start(
    subscription: EventSubscription,
    batchSize: number,
    apply: (batch: readonly RecordedEvent[]) => void,
    onError: (error: unknown) => void,
  ): BurstConsumer {
    const consumer = new BurstConsumer(subscription, batchSize, apply, onError);
    consumer.loop = consumer.run();
    return consumer;
  }

  private loop?: Promise<void>;

  /** Closes the subscription, waits for the loop to end, then applies what was still waiting. */
  async stop(): Promise<void> {
    await this.subscription.close();
    await this.loop;
    this.flush();
  }

  /** Runs until the subscription ends (closed, or failed: then `onError` is told too). */
  async run(): Promise<void> {
    try {
      for await (const event of this.subscription) {
        this.pending.push(event);
        if (this.pending.length >= this.batchSize) this.flush();
        else if (!this.flushScheduled) {
          this.flushScheduled = true;
          setImmediate(() => this.flush());
        }
      }
    } catch (error) {
      this.onError(error);
    }
  }

  /** Applies what is waiting now (also called on stop, after the subscription was closed). */
  flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    try {
      this.apply(batch);
    } catch (error) {
      this.onError(error);
      void this.subscription.close();
    }
  }
}
