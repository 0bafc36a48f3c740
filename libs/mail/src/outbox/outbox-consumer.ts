import type { EventStore, RecordedEvent } from '@cdce/eventsourcing';
import type { Clock } from '@cdce/platform';
import { BurstConsumer } from '@cdce/projections';
import { OUTBOX_FILTER, outboxEntryOf } from './outbox-entry';
import type { SqliteOutboxStore } from './sqlite-outbox.store';

export interface OutboxConsumerOptions {
  readonly batchSize?: number;
  readonly clock?: Clock;
  /** Called after each batch that recorded new messages (the delivery loop wakes up on it). */
  readonly onRecorded?: (count: number) => void;
  /**
   * Told when live consumption stops on an error (the outbox file cannot be written…). Nothing more is recorded until
   * the next start, which resumes at the checkpoint: mail is delayed, so the error must reach the logs.
   */
  readonly onError?: (error: unknown) => void;
  /** Events recorded longer ago than this (by the consumer's clock) are not mailed; default: no limit. */
  readonly maxAgeMs?: number;
  /** Told how many events of a batch were too old to mail. */
  readonly onTooOld?: (count: number) => void;
}

/**
 * Feeds the outbox from the log, like a projection: catch-up from the outbox's checkpoint, then live. Each batch's
 * messages and the checkpoint are committed in one transaction, so every mail-sending event is recorded exactly once
 * whatever the crashes; delivery happens elsewhere ({@link OutboxDeliveryLoop}).
 */
export class OutboxConsumer {
  private readonly batchSize: number;
  private readonly clock: Clock;
  private consumer?: BurstConsumer;
  private error?: string;

  constructor(
    private readonly store: EventStore,
    private readonly outbox: SqliteOutboxStore,
    private readonly options: OutboxConsumerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.clock = options.clock ?? { now: () => new Date() };
  }

  /** Records everything up to the log's head, then returns (tests, the CLI, start-up). */
  async catchUp(): Promise<number> {
    let recorded = 0;
    for (;;) {
      const batch: RecordedEvent[] = [];
      for await (const event of this.store.readAll({
        after: this.outbox.checkpoint(),
        filter: OUTBOX_FILTER,
        maxCount: this.batchSize,
      })) {
        batch.push(event);
      }
      if (batch.length === 0) return recorded;
      recorded += this.apply(batch);
    }
  }

  start(): void {
    if (this.consumer) return;
    this.error = undefined;
    this.consumer = BurstConsumer.start(
      this.store.subscribeToAll({ after: this.outbox.checkpoint(), filter: OUTBOX_FILTER }),
      this.batchSize,
      (batch) => this.apply(batch),
      (error) => this.failed(error),
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  status(): { readonly running: boolean; readonly position: bigint; readonly error?: string } {
    return {
      running: this.consumer !== undefined && this.error === undefined,
      position: this.outbox.checkpoint(),
      ...(this.error ? { error: this.error } : {}),
    };
  }

  private failed(error: unknown): void {
    if (this.error !== undefined) return;
    this.error = (error as Error).stack ?? String(error);
    this.options.onError?.(error);
  }

  private apply(batch: readonly RecordedEvent[]): number {
    const now = this.clock.now();
    const oldest = this.options.maxAgeMs === undefined ? -Infinity : now.getTime() - this.options.maxAgeMs;
    const fresh = batch.filter((event) => Date.parse(event.metadata.recordedAt) >= oldest);
    if (fresh.length < batch.length) this.options.onTooOld?.(batch.length - fresh.length);
    const entries = fresh.flatMap((event) => outboxEntryOf(event) ?? []);
    // The checkpoint moves past the old events too: they are decided once, not re-read at every start.
    const recorded = this.outbox.record(entries, batch[batch.length - 1]!.position, now);
    if (recorded > 0) this.options.onRecorded?.(recorded);
    return recorded;
  }
}
