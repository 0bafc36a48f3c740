import {
  AccessDeniedError,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  FORWARDS,
  KurrentDBClient,
  NotLeaderError,
  START,
  StreamNotFoundError as KurrentStreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type CurrentStreamState,
  type ResolvedEvent,
  type ReadStreamOptions as KurrentReadStreamOptions,
} from '@kurrent/kurrentdb-client';
import { canonicalJson } from '../../canonical-json';
import type { DomainEvent, NewEvent, RecordedEvent } from '../../event';
import { StoreUnavailableError, StreamNotFoundError } from '../../errors';
import type {
  AllFilter,
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
  SubscribeOptions,
} from '../../event-store.port';
import { assertValidStreamName } from '../../validation';
import {
  checkExpectedRevision,
  matchesFilter,
  prepareBatch,
  resolveRetry,
  type PreparedBatch,
  type StoredEventSummary,
} from '../shared/append-rules';
import { foldableOf } from '../shared/foldable-event';
import {
  assertValidNamespace,
  decodeEvent,
  isInvalidPositionError,
  isSystemEvent,
  redactConnectionString,
  toAppendStreamState,
  toEventData,
  toReadPosition,
  toServerFilter,
  toWrongExpectedRevision,
  type StreamEnd,
} from './kurrentdb-mapping';
import { KurrentDbSubscription } from './kurrentdb-subscription';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://kurrentdb:2113?tls=false` (insecure single node) or `kurrentdb+discover://admin:…@cluster:2113`. */
  readonly connectionString: string;
  /**
   * Prefix put in front of every stream name in the database (default none), so that several stores — test runs,
   * tenants — share one KurrentDB without seeing each other's events. Callers never see it.
   */
  readonly namespace?: string;
  /** Source of `recordedAt`. Default: the system clock. */
  readonly clock?: () => Date;
}

/** Appends retried after a concurrent write when the caller did not pin a revision (`any`, `stream_exists`). */
const MAX_APPEND_ATTEMPTS = 10;
/** The client wants a finite count; this is its own default for "everything". */
const UNBOUNDED = BigInt(Number.MAX_SAFE_INTEGER);
const MAX_REVISION = 2n ** 64n - 1n;

/** The stream as an append needs it: where it ends (revision and hash) and which of the batch's ids it holds. */
interface StreamTip {
  readonly last: StreamEnd | undefined;
  readonly stored: readonly (StoredEventSummary | undefined)[];
}

/**
 * The event store on a KurrentDB node or cluster (`EVENT_STORE=kurrentdb`), through `@kurrent/kurrentdb-client`.
 *
 * Semantics are the port's, as the SQLite store gives them, with these KurrentDB specifics:
 * - positions are KurrentDB commit positions (large, increasing, not contiguous);
 * - an append reads the stream first: for its last hash (the chain is computed here, not by the server) and to find
 *   the batch's ids, which makes a retried batch a no-op returning the first result. It then appends with the
 *   revision it read, so a concurrent writer cannot break the chain; when the caller did not pin a revision the
 *   append is retried after such a conflict. An append thus costs a read of the whole stream: fine for aggregate
 *   streams (tens of events), not meant for streams of many thousands;
 * - event ids are unique per stream, not across streams (KurrentDB has no index on ids);
 * - events of `$`-streams and `$`-types (KurrentDB's own) never show in `readAll` or subscriptions.
 *
 * Load this file only when KurrentDB is configured: it pulls in gRPC and a native module.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly namespace: string;
  private readonly location: string;
  private readonly clock: () => Date;
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private closed = false;

  constructor(options: KurrentDbEventStoreOptions) {
    this.namespace = options.namespace ?? '';
    assertValidNamespace(this.namespace);
    this.location = `KurrentDB ${redactConnectionString(options.connectionString)}`;
    this.clock = options.clock ?? (() => new Date());
    try {
      this.client = KurrentDBClient.connectionString(options.connectionString);
    } catch (error) {
      throw new StoreUnavailableError(
        this.location,
        `the connection string is not valid (${(error as Error).message})`,
      );
    }
  }

  /**
   * Opens the store and checks that the server answers (a read of the end of `$all`), so that a wrong URL or an
   * unreachable cluster fails at start-up rather than on the first command.
   * @throws StoreUnavailableError.
   */
  static async connect(
    connectionString: string,
    options: Omit<KurrentDbEventStoreOptions, 'connectionString'> = {},
  ): Promise<KurrentDbEventStore> {
    const store = new KurrentDbEventStore({ ...options, connectionString });
    try {
      await store.headPosition();
      return store;
    } catch (error) {
      await store.close().catch(() => undefined);
      if (error instanceof StoreUnavailableError) throw error;
      throw new StoreUnavailableError(store.location, (error as Error).message);
    }
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const batch = prepareBatch(streamId, events, options.context);
    let actual: CurrentStreamState = 'no_stream';
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      const tip = await this.readTip(batch);
      const retried = resolveRetry(batch, tip.stored);
      if (retried) return retried;
      // After a conflict this turns a pinned expectation (revision, no_stream) into the error with the actual revision.
      checkExpectedRevision(streamId, options.expectedRevision, tip.last?.revision);
      try {
        const data = toEventData(batch, tip.last, this.clock().toISOString());
        const written = await this.client.appendToStream(this.nameOf(streamId), data, {
          streamState: toAppendStreamState(tip.last?.revision ?? 'no_stream'),
        });
        return await this.resultOf(batch, written.nextExpectedRevision);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw this.toStoreError(error, streamId);
        actual = error.actualState;
      }
    }
    throw toWrongExpectedRevision(streamId, options.expectedRevision, actual);
  }

  async readStream<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent<E>[]> {
    this.assertOpen();
    assertValidStreamName(streamId);
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    const events = forwards ? await this.readForwards(streamId, options) : await this.readBackwards(streamId, options);
    return events as RecordedEvent<E>[];
  }

  async readStreamToFold<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<FoldableEvent<E>[]> {
    return (await this.readStream<E>(streamId, options)).map(foldableOf);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    const after = options.after ?? -1n;
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    if (remaining <= 0) return;
    // The client streams the server's pages as they are consumed; no server-side count, as skipped events count there.
    const read = (fromStart: boolean) =>
      this.client.readAll({
        direction: FORWARDS,
        fromPosition: fromStart ? START : toReadPosition(after),
        filter: toServerFilter(options.filter, this.namespace),
        maxCount: UNBOUNDED,
      });
    let fromStart = toReadPosition(after) === START;
    let delivered = false;
    for (;;) {
      try {
        for await (const resolved of read(fromStart)) {
          const event = this.accept(resolved, after, options.filter);
          if (!event) continue;
          delivered = true;
          yield event;
          if (--remaining <= 0) return;
        }
        return;
      } catch (error) {
        if (delivered || fromStart || !isInvalidPositionError(error)) throw this.toStoreError(error);
        fromStart = true;
      }
    }
  }

  /**
   * The events `readAll` gives, collected (the client streams them; every part is read). `scannedTo` is the last
   * event's position: events the filter skipped after it are looked at again by the next batch.
   */
  async readBatch(options: ReadBatchOptions): Promise<LogBatch> {
    const after = options.after ?? -1n;
    const events: RecordedEvent[] = [];
    for await (const event of this.readAll({
      after,
      maxCount: options.maxCount,
      ...(options.filter ? { filter: options.filter } : {}),
    }))
      events.push(event);
    return { events, scannedTo: events.length > 0 ? events[events.length - 1]!.position : after };
  }

  /**
   * Backwards from the end of `$all` (through the server's filter) or of each stream, skipping what is not before
   * `before`: a deep page re-reads the pages above it, which an activity feed's first pages do not mind.
   */
  async readLatest(options: ReadLatestOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    if (options.maxCount <= 0) return [];
    const before = options.before;
    const filter = options.streamPrefixes ? { streamPrefixes: options.streamPrefixes } : undefined;
    const newest = async (reading: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>, streamId?: string) => {
      const events: RecordedEvent[] = [];
      try {
        for await (const resolved of this.mapErrors(reading, streamId)) {
          const raw = resolved.event;
          if (!raw || !this.isOurs(raw.streamId, raw.type)) continue;
          if (before !== undefined && raw.position !== undefined && raw.position.commit >= before) continue;
          const event = decodeEvent(raw, this.namespace, this.location);
          if (!matchesFilter(event, filter)) continue;
          events.push(event);
          if (events.length >= options.maxCount) break;
        }
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
      return events;
    };
    if (options.streams) {
      const perStream = await Promise.all(
        [...new Set(options.streams)].map((streamId) =>
          newest(
            this.client.readStream(this.nameOf(streamId), {
              direction: BACKWARDS,
              fromRevision: END,
              maxCount: UNBOUNDED,
            }),
            streamId,
          ),
        ),
      );
      return perStream
        .flat()
        .sort((a, b) => (a.position < b.position ? 1 : -1))
        .slice(0, options.maxCount);
    }
    return newest(
      this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        filter: toServerFilter(filter, this.namespace),
        maxCount: UNBOUNDED,
      }),
    );
  }

  /** The client's connection belongs to this thread. */
  readerForThread(): undefined {
    return undefined;
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const after = options.after ?? -1n;
    const open = (fromStart: boolean) =>
      this.client.subscribeToAll({
        fromPosition: fromStart ? START : toReadPosition(after),
        filter: toServerFilter(options.filter, this.namespace),
      });
    const subscription = new KurrentDbSubscription(
      open,
      toReadPosition(after) === START,
      (resolved) => this.accept(resolved, after, options.filter),
      (error) => this.toStoreError(error),
      this.location,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    const reading = this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      filter: toServerFilter(undefined, this.namespace),
      maxCount: UNBOUNDED,
    });
    for await (const resolved of this.mapErrors(reading)) {
      const event = resolved.event;
      if (event && this.isOurs(event.streamId, event.type)) return event.position.commit;
    }
    return -1n;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async readForwards(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const from = options.fromRevision !== undefined && options.fromRevision > 0n ? options.fromRevision : 0n;
    const to = options.toRevision;
    const count = minCount(options.maxCount, to === undefined ? undefined : to - from + 1n);
    // Revisions are unsigned 64-bit numbers in KurrentDB: nothing can be stored beyond, and the client refuses them.
    if (count <= 0n || from > MAX_REVISION) {
      await this.lastRevision(streamId);
      return [];
    }
    return this.collect(streamId, { direction: FORWARDS, fromRevision: from, maxCount: count }, () => true);
  }

  private async readBackwards(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    const to = options.toRevision !== undefined && options.toRevision > 0n ? options.toRevision : 0n;
    let from: bigint | typeof END = END;
    if (options.fromRevision !== undefined) {
      // Clamp to the stream's end, as the other adapters do: a read from beyond it starts at the last event.
      const last = await this.lastRevision(streamId);
      from = options.fromRevision < last ? options.fromRevision : last;
      if (from < 0n) return [];
    }
    const count = minCount(options.maxCount, from === END ? undefined : from - to + 1n);
    if (count <= 0n) {
      await this.lastRevision(streamId);
      return [];
    }
    return this.collect(
      streamId,
      { direction: BACKWARDS, fromRevision: from, maxCount: count },
      (revision) => revision >= to,
    );
  }

  /** Reads one stream, decoding events while `within(revision)` holds. @throws StreamNotFoundError. */
  private async collect(
    streamId: string,
    options: KurrentReadStreamOptions,
    within: (revision: bigint) => boolean,
  ): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    for await (const resolved of this.mapErrors(this.client.readStream(this.nameOf(streamId), options), streamId)) {
      if (!resolved.event) continue;
      if (!within(resolved.event.revision)) break;
      events.push(decodeEvent(resolved.event, this.namespace, this.location));
    }
    return events;
  }

  /** @throws StreamNotFoundError when the stream has no event. */
  private async lastRevision(streamId: string): Promise<bigint> {
    const reading = this.client.readStream(this.nameOf(streamId), {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1n,
    });
    for await (const resolved of this.mapErrors(reading, streamId)) {
      if (resolved.event) return resolved.event.revision;
    }
    throw new StreamNotFoundError(streamId);
  }

  /** Reads the whole stream: its last revision and hash, and the stored events that carry the batch's ids. */
  private async readTip(batch: PreparedBatch): Promise<StreamTip> {
    const index = new Map(batch.events.map((event, i) => [event.id, i]));
    const stored: (StoredEventSummary | undefined)[] = batch.events.map(() => undefined);
    let last: StreamTip['last'];
    try {
      const events = await this.collect(batch.streamId, { direction: FORWARDS, maxCount: UNBOUNDED }, () => true);
      for (const event of events) {
        const i = index.get(event.id);
        if (i !== undefined) stored[i] = { ...event, dataJson: canonicalJson(event.data) };
        last = { revision: event.revision, hash: event.metadata.hash };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { last, stored };
  }

  /**
   * The result of a successful append, from the stored last event rather than from the append reply: its position
   * is then exactly the one reads report, and a write the server found already done (same ids at the same place)
   * reports the first write.
   */
  private async resultOf(batch: PreparedBatch, revision: bigint): Promise<AppendResult> {
    const [last] = await this.collect(
      batch.streamId,
      { direction: FORWARDS, fromRevision: revision, maxCount: 1n },
      () => true,
    );
    if (last && last.id === batch.events.at(-1)!.id) return { nextExpectedRevision: revision, position: last.position };
    const retried = resolveRetry(batch, (await this.readTip(batch)).stored);
    if (retried) return retried;
    throw new StoreUnavailableError(
      this.location,
      `the append to ${batch.streamId} succeeded but its events cannot be found`,
    );
  }

  /** A resolved `$all` event as ours, or `undefined` when it is not for this reader. */
  private accept(
    resolved: AllStreamResolvedEvent,
    after: bigint,
    filter: AllFilter | undefined,
  ): RecordedEvent | undefined {
    const raw = resolved.event;
    if (!raw || !this.isOurs(raw.streamId, raw.type) || raw.position.commit <= after) return undefined;
    const event = decodeEvent(raw, this.namespace, this.location);
    return matchesFilter(event, filter) ? event : undefined;
  }

  private isOurs(streamName: string, eventType: string): boolean {
    return !isSystemEvent(streamName, eventType) && streamName.startsWith(this.namespace);
  }

  private nameOf(streamId: string): string {
    return this.namespace + streamId;
  }

  private async *mapErrors<T>(source: AsyncIterable<T>, streamId?: string): AsyncIterable<T> {
    try {
      yield* source;
    } catch (error) {
      throw this.toStoreError(error, streamId);
    }
  }

  /** Client errors as the kernel's: a missing stream, or a store that cannot be reached; anything else as it is. */
  private toStoreError(error: unknown, streamId?: string): unknown {
    if (error instanceof KurrentStreamNotFoundError && streamId !== undefined) return new StreamNotFoundError(streamId);
    const unreachable = [UnavailableError, DeadlineExceededError, NotLeaderError, AccessDeniedError, CancelledError];
    if (unreachable.some((type) => error instanceof type))
      return new StoreUnavailableError(this.location, (error as Error).message);
    return error;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError(this.location, 'the store was closed');
  }
}

/** The smaller of the caller's limit and the size of the requested range, as the client's bigint count. */
function minCount(maxCount: number | undefined, range: bigint | undefined): bigint {
  const limit =
    maxCount === undefined || maxCount >= Number.MAX_SAFE_INTEGER
      ? UNBOUNDED
      : BigInt(Math.max(0, Math.floor(maxCount)));
  return range !== undefined && range < limit ? range : limit;
}
