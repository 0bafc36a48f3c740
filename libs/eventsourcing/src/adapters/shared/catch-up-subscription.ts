import type { RecordedEvent } from '../../event';
import type { EventSubscription } from '../../event-store.port';

/** One page of the global log after some position. */
export interface LogPage {
  /** Matching events in position order. */
  readonly events: readonly RecordedEvent[];
  /**
   * Highest position the page looked at, matching or not. The next page starts after it, so that events skipped by
   * a filter are not scanned again on every wake-up.
   */
  readonly scannedTo: bigint;
}

export interface CatchUpSource {
  /** Reads at most `limit` matching events strictly after `after`. */
  readPage(after: bigint, limit: number): LogPage;
  /** Calls `wake` whenever the log may have grown; returns a function that stops the calls. */
  watch(wake: () => void): () => void;
}

/**
 * Catch-up subscription shared by the stores that own their log: reads pages after the checkpoint until the log is
 * exhausted, then sleeps until the source signals an append, then reads again. Each event is handed out once and in
 * position order because the checkpoint only moves forwards. A page is read only when the consumer asks for an event
 * and the previous page is used up (backpressure: at most one page in memory).
 */
export class CatchUpSubscription implements EventSubscription, AsyncIterator<RecordedEvent> {
  private buffer: RecordedEvent[] = [];
  private checkpoint: bigint;
  private closed = false;
  /** Set by `wake` so that a signal arriving while a page is being read is not lost. */
  private dirty = false;
  private sleeper: (() => void) | undefined;
  private readonly unwatch: () => void;
  /** Serialises `next()` calls made without awaiting the previous one. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: CatchUpSource,
    after: bigint,
    private readonly pageSize: number,
    private readonly onClose: (subscription: CatchUpSubscription) => void = () => undefined,
  ) {
    this.checkpoint = after;
    this.unwatch = source.watch(() => this.wake());
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
    return { done: true, value: undefined };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.buffer = [];
    this.unwatch();
    this.sleeper?.();
    this.onClose(this);
  }

  private wake(): void {
    this.dirty = true;
    this.sleeper?.();
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      const event = this.buffer.shift();
      if (event) return { done: false, value: event };
      this.dirty = false;
      const page = this.source.readPage(this.checkpoint, this.pageSize);
      this.checkpoint = page.scannedTo > this.checkpoint ? page.scannedTo : this.checkpoint;
      this.buffer = [...page.events];
      if (this.buffer.length === 0 && !this.dirty) await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      this.sleeper = () => {
        this.sleeper = undefined;
        resolve();
      };
    });
  }
}

/**
 * `readAll` for stores that read the log page by page: yields each page's events, stops at `maxCount` or when a page
 * scanned nothing new (the end of the log).
 */
export async function* readAllPages(
  readPage: (after: bigint, limit: number) => LogPage,
  options: { readonly after?: bigint; readonly maxCount?: number },
  pageSize: number,
): AsyncIterable<RecordedEvent> {
  let after = options.after ?? -1n;
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  while (remaining > 0) {
    const page = readPage(after, Math.min(pageSize, remaining));
    for (const event of page.events) yield event;
    remaining -= page.events.length;
    if (page.scannedTo <= after) return;
    after = page.scannedTo;
  }
}
