import type { DomainEvent, NewEvent, RecordedEvent } from '../../event';
import { CorruptEventError, StoreUnavailableError, StreamNotFoundError } from '../../errors';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  FoldableEvent,
  LogBatch,
  ReadAllOptions,
  ReadBatchOptions,
  ReadLatestOptions,
  ReadStreamOptions,
  ReadStreamsOptions,
  StreamsBatch,
  SubscribeOptions,
} from '../../event-store.port';
import { eventHash, GENESIS_HASH } from '../../hash-chain';
import { assertValidStreamName } from '../../validation';
import {
  checkExpectedRevision,
  matchesFilter,
  metadataFor,
  parseStoredData,
  prepareBatch,
  resolveRetry,
  type PreparedBatch,
} from '../shared/append-rules';
import { foldableOf } from '../shared/foldable-event';
import { CatchUpSubscription, type LogPage, readAllPages } from '../shared/catch-up-subscription';
import { streamRangeOf } from '../shared/stream-range';

/** A stored event: data kept as JSON text, so that readers get fresh copies and the same key order as SQLite. */
interface Row {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly id: string;
  readonly type: string;
  readonly dataJson: string;
  readonly metadata: RecordedEvent['metadata'];
}

interface StreamState {
  /** Positions of the stream's events, by revision. */
  readonly positions: number[];
  lastHash: string;
}

export interface InMemoryEventStoreOptions {
  /** Source of `recordedAt`. Default: the system clock. */
  readonly clock?: () => Date;
}

const PAGE_SIZE = 256;

/**
 * An event store held in memory with exactly the semantics of the SQLite store (same contract suite): for fast
 * tests of handlers, projections and jobs. Positions are 0, 1, 2… Nothing survives the process.
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: Row[] = [];
  private readonly streams = new Map<string, StreamState>();
  private readonly byId = new Map<string, Row>();
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly clock: () => Date;
  private closed = false;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const batch = prepareBatch(streamId, events, options.context);
    const retried = resolveRetry(
      batch,
      batch.events.map((event) => this.byId.get(event.id)),
    );
    if (retried) return retried;
    const stream = this.streams.get(streamId);
    const current = stream ? BigInt(stream.positions.length - 1) : undefined;
    checkExpectedRevision(streamId, options.expectedRevision, current);
    const result = this.write(batch, stream ?? { positions: [], lastHash: GENESIS_HASH });
    this.listeners.forEach((wake) => wake());
    return result;
  }

  async readStream<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent<E>[]> {
    this.assertOpen();
    assertValidStreamName(streamId);
    const stream = this.streams.get(streamId);
    if (!stream) throw new StreamNotFoundError(streamId);
    const last = stream.positions.length - 1;
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    // Inclusive bounds, whichever way the stream is read; clamped to the revisions that exist.
    const low = Math.max(0, toIndex(forwards ? options.fromRevision : options.toRevision, 0, last));
    const high = Math.min(last, toIndex(forwards ? options.toRevision : options.fromRevision, last, last));
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const result: RecordedEvent<E>[] = [];
    for (let i = 0; i <= high - low && result.length < limit; i++) {
      const revision = forwards ? low + i : high - i;
      result.push(toRecorded(this.log[stream.positions[revision]!]!) as RecordedEvent<E>);
    }
    return result;
  }

  async readStreamToFold<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<FoldableEvent<E>[]> {
    return (await this.readStream<E>(streamId, options)).map(foldableOf);
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return readAllPages((after, limit) => this.readPage(after, limit, options.filter), options, PAGE_SIZE);
  }

  /** Every part is always there: events in memory are whole. */
  async readBatch(options: ReadBatchOptions): Promise<LogBatch> {
    this.assertOpen();
    const after = options.after ?? -1n;
    if (options.maxCount <= 0) return { events: [], scannedTo: after };
    const page = this.readPage(after, options.maxCount, options.filter);
    return { events: [...page.events], scannedTo: page.scannedTo > after ? page.scannedTo : after };
  }

  async readLatest(options: ReadLatestOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    const before = options.before ?? BigInt(this.log.length);
    const streams = options.streams && new Set(options.streams);
    const filter = options.streamPrefixes ? { streamPrefixes: options.streamPrefixes } : undefined;
    const events: RecordedEvent[] = [];
    const last = Math.min(this.log.length, Number(before < 0n ? 0n : before)) - 1;
    for (let index = last; index >= 0 && events.length < options.maxCount; index--) {
      const row = this.log[index]!;
      if ((!streams || streams.has(row.streamId)) && matchesFilter(row, filter)) events.push(toRecorded(row));
    }
    return events;
  }

  async streamIds(prefix: string): Promise<string[]> {
    this.assertOpen();
    const { from, to } = streamRangeOf(prefix);
    return [...this.streams.keys()].filter((id) => id >= from && id < to).sort(codeUnitOrder);
  }

  async readStreamsInOrder(options: ReadStreamsOptions): Promise<StreamsBatch> {
    this.assertOpen();
    const range = streamRangeOf(options.prefix, options.fromStream, options.toStream);
    const after = options.after ?? { streamId: range.from, revision: -1n };
    const events: RecordedEvent[] = [];
    if (options.maxCount <= 0) return { events };
    const ids = [...this.streams.keys()].filter((id) => id >= range.from && id < range.to).sort(codeUnitOrder);
    for (const id of ids) {
      if (id < after.streamId) continue;
      for (const position of this.streams.get(id)!.positions) {
        const row = this.log[position]!;
        if (row.position > options.upTo || (id === after.streamId && row.revision <= after.revision)) continue;
        if (events.length === options.maxCount) {
          const last = events[events.length - 1]!;
          return { events, next: { streamId: last.streamId, revision: last.revision } };
        }
        events.push(toRecorded(row));
      }
    }
    return { events };
  }

  /** No other thread can see this process's memory. */
  readerForThread(): undefined {
    return undefined;
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(
      {
        readPage: (after, limit) => this.readPage(after, limit, options.filter),
        watch: (wake) => {
          this.listeners.add(wake);
          return () => this.listeners.delete(wake);
        },
      },
      options.after ?? -1n,
      PAGE_SIZE,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return BigInt(this.log.length - 1);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
  }

  private write(batch: PreparedBatch, stream: StreamState): AppendResult {
    const recordedAt = this.clock().toISOString();
    let hash = stream.lastHash;
    let last: Row | undefined;
    const recorded: RecordedEvent[] = [];
    for (const event of batch.events) {
      const revision = BigInt(stream.positions.length);
      hash = eventHash(hash, {
        ...event,
        streamId: batch.streamId,
        revision,
        metadata: metadataFor(batch.context, recordedAt, ''),
      });
      last = {
        streamId: batch.streamId,
        revision,
        position: BigInt(this.log.length),
        id: event.id,
        type: event.type,
        dataJson: event.dataJson,
        metadata: metadataFor(batch.context, recordedAt, hash),
      };
      stream.positions.push(this.log.length);
      this.log.push(last);
      this.byId.set(event.id, last);
      recorded.push(toRecorded(last));
    }
    stream.lastHash = hash;
    this.streams.set(batch.streamId, stream);
    return { nextExpectedRevision: last!.revision, position: last!.position, recorded };
  }

  private readPage(after: bigint, limit: number, filter: ReadAllOptions['filter']): LogPage {
    const events: RecordedEvent[] = [];
    let index = Number(after < -1n ? -1n : after) + 1;
    for (; index < this.log.length && events.length < limit; index++) {
      const row = this.log[index]!;
      if (matchesFilter(row, filter)) events.push(toRecorded(row));
    }
    return { events, scannedTo: BigInt(index - 1) };
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError('memory', 'the store was closed');
  }
}

/** SQLite's BINARY order of ASCII ids, not the locale's. */
function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A revision bound as an array index, clamped just outside [0, last] so that huge or negative bigints stay exact. */
function toIndex(revision: bigint | undefined, fallback: number, last: number): number {
  if (revision === undefined) return fallback;
  if (revision < 0n) return -1;
  return revision > BigInt(last) ? last + 1 : Number(revision);
}

function toRecorded(row: Row): RecordedEvent {
  const data = parseStoredData(row.dataJson, (reason) => new CorruptEventError(row.streamId, row.revision, reason));
  return {
    streamId: row.streamId,
    id: row.id,
    type: row.type,
    data,
    revision: row.revision,
    position: row.position,
    metadata: { ...row.metadata, actor: { ...row.metadata.actor } },
  };
}
