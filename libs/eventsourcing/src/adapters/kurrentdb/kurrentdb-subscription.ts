import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../../event';
import { StoreUnavailableError } from '../../errors';
import type { EventSubscription } from '../../event-store.port';
import { isInvalidPositionError } from './kurrentdb-mapping';

const DONE: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * A KurrentDB catch-up subscription to `$all` seen through the port. The client's subscription is a Node stream fed
 * by gRPC, so reading it on demand gives backpressure (a small buffer, then gRPC flow control). `accept` turns a
 * resolved event into ours, or `undefined` to skip it (system events, the checkpoint itself, client-side filters).
 */
export class KurrentDbSubscription implements EventSubscription, AsyncIterator<RecordedEvent> {
  private source: AllStreamSubscription;
  private events: AsyncIterator<AllStreamResolvedEvent>;
  /** Whether the subscription already reads from the start of `$all` (the fallback after an invalid position). */
  private fromStart: boolean;
  private delivered = false;
  private closed = false;
  private readonly stopped: Promise<IteratorReturnResult<undefined>>;
  private stop!: () => void;
  /** Serialises `next()` calls made without awaiting the previous one, so that events keep their order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly open: (fromStart: boolean) => AllStreamSubscription,
    fromStart: boolean,
    private readonly accept: (resolved: AllStreamResolvedEvent) => RecordedEvent | undefined,
    private readonly mapError: (error: unknown) => unknown,
    private readonly location: string,
    private readonly onClose: (subscription: KurrentDbSubscription) => void,
  ) {
    this.fromStart = fromStart;
    this.source = this.attach(open(fromStart));
    this.events = this.source[Symbol.asyncIterator]();
    this.stopped = new Promise((resolve) => (this.stop = () => resolve(DONE)));
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this;
  }

  next(): Promise<IteratorResult<RecordedEvent>> {
    const result = this.queue.then(() => this.pull());
    this.queue = result.catch(() => undefined);
    return result;
  }

  async return(): Promise<IteratorResult<RecordedEvent>> {
    await this.close();
    return DONE;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stop();
    this.onClose(this);
    // unsubscribe() cancels the gRPC call but does not end the stream it feeds, hence destroy().
    await this.source.unsubscribe().catch(() => undefined);
    this.source.destroy();
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.closed) return DONE;
      let next: IteratorResult<AllStreamResolvedEvent> | IteratorReturnResult<undefined>;
      try {
        next = await Promise.race([this.events.next(), this.stopped]);
      } catch (error) {
        if (this.closed) return DONE;
        if (!this.delivered && !this.fromStart && isInvalidPositionError(error)) {
          this.restartFromStart();
          continue;
        }
        throw this.mapError(error);
      }
      if (this.closed) return DONE;
      // A catch-up subscription never ends by itself: an end means the server dropped it, and the consumer must know.
      if (next.done) throw new StoreUnavailableError(this.location, 'the server ended the subscription to $all');
      const event = this.accept(next.value);
      if (event) {
        this.delivered = true;
        return { done: false, value: event };
      }
    }
  }

  private restartFromStart(): void {
    this.source.destroy();
    this.fromStart = true;
    this.source = this.attach(this.open(true));
    this.events = this.source[Symbol.asyncIterator]();
  }

  private attach(source: AllStreamSubscription): AllStreamSubscription {
    // Errors also reach the iterator; this listener only keeps an error after close() from crashing the process.
    source.on('error', () => undefined);
    return source;
  }
}
