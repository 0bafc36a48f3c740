import type { CommandContext, DomainEvent, NewEvent, RecordedEvent } from './event';

/**
 * What the caller expects of a stream before appending to it (KurrentDB semantics):
 * - `any`: no check;
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: the stream must have at least one event;
 * - a bigint `n`: the stream's last event must be at revision `n`.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface AppendOptions {
  readonly expectedRevision: ExpectedRevision;
  /** Who appends and why; the store adds `recordedAt` and the hash chain. */
  readonly context: CommandContext;
}

export interface AppendResult {
  /** Revision of the last event now in the stream: pass it as the next `expectedRevision`. */
  readonly nextExpectedRevision: bigint;
  /** Global position of the last appended event. Read models that have reached it show this write. */
  readonly position: bigint;
  /**
   * The events as they were recorded (revision, position, metadata with hash), when the store can give them
   * without reading them back; identical to what `readStream` returns for them. Absent for an idempotent retry
   * (nothing was written) and from stores that cannot tell without a read.
   */
  readonly recorded?: readonly RecordedEvent[];
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Default `forwards`. */
  readonly direction?: Direction;
  /** First revision to read (inclusive). Default: the start (forwards) or the end (backwards). */
  readonly fromRevision?: bigint;
  /** Last revision to read (inclusive), e.g. to see a stream as it was at that revision. */
  readonly toRevision?: bigint;
  /** Default: no limit. */
  readonly maxCount?: number;
}

/**
 * An event as a fold needs it: its type and data, its revision, and when it was recorded (to fold up to an instant).
 * The rest of the metadata (ids, actor, hash) is left out: reading it costs as much again as the rest.
 */
export type FoldableEvent<E extends DomainEvent = DomainEvent> = E & {
  readonly revision: bigint;
  readonly recordedAt: string;
};

export interface AllFilter {
  /** Only events whose stream id starts with one of these prefixes (e.g. `commune-`). */
  readonly streamPrefixes?: readonly string[];
  /** Only events of these types. */
  readonly eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /** Read events strictly after this position. Default: from the very beginning. */
  readonly after?: bigint;
  readonly filter?: AllFilter;
  /** Default: no limit. */
  readonly maxCount?: number;
}

/**
 * Parts of an event a batch read may leave out (its stream, type, revision and position are always read):
 * `id`; `data`; `actor` (id and role); `recordedAt`; `context` (command, correlation and causation ids); `hash`.
 */
export type EventPart = 'id' | 'data' | 'actor' | 'recordedAt' | 'context' | 'hash';

export interface ReadBatchOptions {
  /** Read events strictly after this position. Default: from the very beginning. */
  readonly after?: bigint;
  readonly filter?: AllFilter;
  /** Most events returned. */
  readonly maxCount: number;
  /**
   * The parts to read; default all of them. The others are absent from the events returned (undefined, whatever
   * their type says), and a store that reads fewer columns for them returns the batch sooner.
   */
  readonly parts?: readonly EventPart[];
}

/** Where a read of streams one after the other stands: just after this event. */
export interface StreamCursor {
  readonly streamId: string;
  readonly revision: bigint;
}

export interface ReadStreamsOptions {
  /** Only streams whose id starts with this prefix (e.g. `commune-`). */
  readonly prefix: string;
  /** First stream of the range (inclusive); default: the first with the prefix. */
  readonly fromStream?: string;
  /** End of the range (exclusive); default: past the last stream with the prefix. */
  readonly toStream?: string;
  /** Resume just after this event (a previous batch's `next`). */
  readonly after?: StreamCursor;
  /** Only events at or before this global position: the log as it stood when a rebuild started. */
  readonly upTo: bigint;
  /** Most events returned. */
  readonly maxCount: number;
  /** The parts to read, as for `readBatch`. */
  readonly parts?: readonly EventPart[];
}

/** Events of consecutive streams, each stream's in revision order. */
export interface StreamsBatch {
  readonly events: RecordedEvent[];
  /** Where the next batch starts; undefined once the range has been read to its end. */
  readonly next?: StreamCursor;
}

export interface ReadLatestOptions {
  /** Only events strictly before this global position (keyset paging: the previous page's last position). */
  readonly before?: bigint;
  /** Only events of streams whose id starts with one of these prefixes. */
  readonly streamPrefixes?: readonly string[];
  /** Only events of these streams (read through each stream's own index). */
  readonly streams?: readonly string[];
  /** Most events returned. */
  readonly maxCount: number;
}

/** Consecutive events of the global log, read in one call. */
export interface LogBatch {
  /** Matching events in position order. */
  readonly events: RecordedEvent[];
  /**
   * Highest position looked at, matching or not: the next batch starts after it. Equal to `after` when the log holds
   * nothing after it (an empty batch with a higher `scannedTo` only skipped events the filter refused).
   */
  readonly scannedTo: bigint;
}

/**
 * How another thread of this process opens its own reader of the same store: `require(module)[exportName](argument)`
 * returns an EventStore. Only what a structured clone can carry.
 */
export interface ThreadReaderRecipe {
  readonly module: string;
  readonly exportName: string;
  readonly argument: unknown;
}

export interface SubscribeOptions {
  /** Resume strictly after this checkpoint (the last position the subscriber processed). Default: from the beginning. */
  readonly after?: bigint;
  readonly filter?: AllFilter;
}

/**
 * A catch-up subscription: iterating yields the history after the checkpoint, then new events as they are appended,
 * each exactly once and in global order. The next event is only read once the consumer asks for it (backpressure).
 */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  /** Ends the iteration; pending `next()` calls resolve as done. */
  close(): Promise<void>;
}

/**
 * The event store: the only durability boundary of cdce.
 *
 * Semantics follow KurrentDB so that the embedded SQLite store and a KurrentDB cluster are interchangeable;
 * both pass the same contract suite (`describeEventStoreContract`).
 *
 * Limits: stream ids match `[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}` and never start with `$`;
 * one event (type, data and metadata serialised as UTF-8 JSON) is at most {@link MAX_EVENT_BYTES} bytes.
 */
export interface EventStore {
  /**
   * Appends events atomically: all of them or none.
   *
   * Idempotent: appending again a batch whose event ids were already written to this stream returns the first
   * result and writes nothing, whatever the expected revision says.
   *
   * @throws WrongExpectedRevisionError when the stream is not where the caller expected it.
   * @throws InvalidStreamNameError, EventTooLargeError, InvalidEventDataError, DuplicateEventIdError.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;

  /**
   * Reads one stream.
   * @throws StreamNotFoundError when the stream has no event.
   */
  readStream<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options?: ReadStreamOptions,
  ): Promise<RecordedEvent<E>[]>;

  /**
   * Reads one stream to fold it: the events `readStream` returns with the same options, each as a {@link FoldableEvent}.
   * @throws StreamNotFoundError when the stream has no event.
   */
  readStreamToFold<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options?: ReadStreamOptions,
  ): Promise<FoldableEvent<E>[]>;

  /** Reads the global log in position order, lazily, page by page. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /**
   * Reads up to `maxCount` events of the global log in one call, optionally only some parts of each: what projectors
   * catching up read, a batch at a time, instead of awaiting each event.
   */
  readBatch(options: ReadBatchOptions): Promise<LogBatch>;

  /**
   * The latest events of the log, newest first: what an activity feed lists, straight from the log (nothing to copy
   * into a read model, always up to date). Either `streamPrefixes` or `streams` (a few) narrows them.
   */
  readLatest(options: ReadLatestOptions): Promise<RecordedEvent[]>;

  /**
   * Optional, for rebuilds (stores that keep an index by stream): the ids of the streams starting with `prefix`, in
   * code-unit order. A rebuild splits them into ranges folded side by side.
   */
  streamIds?(prefix: string): Promise<string[]>;

  /**
   * Optional, with `streamIds`: the events of a range of streams, stream after stream in code-unit order of their
   * ids, each stream's in revision order, a batch at a time. A projection whose documents are each one stream's
   * (`documentPerStream`) folds a stream in one go this way, instead of keeping every document alive through the log.
   */
  readStreamsInOrder?(options: ReadStreamsOptions): Promise<StreamsBatch>;

  /**
   * How a worker thread can open its own reader of this store (to catch projections up on another core), or
   * undefined when no other thread can (a store in memory, a remote store whose client this process owns).
   */
  readerForThread(): ThreadReaderRecipe | undefined;

  /** Catch-up subscription to the global log. */
  subscribeToAll(options?: SubscribeOptions): EventSubscription;

  /** Position of the last event in the global log, or -1n when the log is empty. */
  headPosition(): Promise<bigint>;

  /** Releases files and connections. */
  close(): Promise<void>;
}

/** Largest serialised event accepted by every adapter (1 MiB, as KurrentDB's default). */
export const MAX_EVENT_BYTES = 1024 * 1024;

/** Injection token for the configured store. */
export const EVENT_STORE = Symbol.for('cdce.EventStore');
