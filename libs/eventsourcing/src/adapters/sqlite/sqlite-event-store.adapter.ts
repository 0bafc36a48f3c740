import type Database from 'better-sqlite3';
import { resolve } from 'node:path';
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
  ReadStreamsOptions,
  StreamsBatch,
  SubscribeOptions,
  ThreadReaderRecipe,
} from '../../event-store.port';
import { eventHash, GENESIS_HASH } from '../../hash-chain';
import { assertValidStreamName } from '../../validation';
import {
  checkExpectedRevision,
  metadataFor,
  prepareBatch,
  resolveRetry,
  type PreparedBatch,
  type StoredEventSummary,
} from '../shared/append-rules';
import { CatchUpSubscription, type LogPage, readAllPages } from '../shared/catch-up-subscription';
import { SqliteChangeSignal } from './sqlite-change-signal';
import { SqliteLogReads } from './sqlite-log-reads';
import {
  boundToNumber,
  EVENT_COLUMNS,
  filterSql,
  FOLD_COLUMNS,
  PartialReaders,
  toFoldableEvent,
  toRecordedEvent,
} from './sqlite-rows';
import { isDamagedFileError, openDatabase, openReadOnlyDatabase } from './sqlite-schema';
import { WalCheckpointer } from './wal-checkpointer';

export interface SqliteEventStoreOptions {
  /** The store file; created with its schema when it does not exist or is empty. Its folder must exist. */
  readonly path: string;
  /** Source of `recordedAt`. Default: the system clock. */
  readonly clock?: () => Date;
  /**
   * SQLite `synchronous` level. Default `normal`: with WAL, a committed append survives a crash of the process
   * (the data is in the OS), but the last commits before a power cut or kernel crash may be lost (never corrupted).
   * `full` syncs the WAL on every commit: survives power loss too, at the cost of one fsync per append.
   */
  readonly synchronous?: 'normal' | 'full';
  /** How long a write waits for another process's write lock before failing. Default 5000 ms. */
  readonly busyTimeoutMs?: number;
  /** How often waiting subscriptions look for appends made by other processes. Default 100 ms. */
  readonly pollIntervalMs?: number;
  /**
   * Copies the write-ahead log into the file from a background thread (see WalCheckpointer), so that no append
   * waits for a checkpoint. The applications turn it on; default off for the short-lived stores of tests and scripts.
   */
  readonly checkpointInBackground?: boolean;
}

/** With background checkpoints, the connection's own checkpoint is only a safety net: 4 × SQLite's default. */
const SAFETY_NET_CHECKPOINT_PAGES = 4000;

/** Rows per page when reading the log: large enough to amortise a query, small enough to keep memory flat. */
const READ_PAGE_SIZE = 1000;
const SUBSCRIPTION_PAGE_SIZE = 200;

/**
 * The embedded event store: one SQLite file (WAL mode), safe for several processes appending at once.
 *
 * Appends run in `BEGIN IMMEDIATE` transactions, so the expected-revision check and the write happen under the
 * file's write lock; positions are rowids handed out in commit order. An append reads the stream's last event
 * (its revision and hash) through an index, never the whole stream. Calls are synchronous underneath
 * (better-sqlite3): a write that waits for another process's lock blocks this process for at most `busyTimeoutMs`.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly pageStatements = new Map<string, Database.Statement>();
  /** Statements of `readBatch` and their row readers, by parts and filter shape (its WHERE clause). */
  private readonly batchReaders: PartialReaders;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly logReads: SqliteLogReads;
  private readonly signal: SqliteChangeSignal;
  /** Transactions wrapped once: better-sqlite3 builds a new wrapper per `db.transaction` call. */
  private readonly appendTransaction: Database.Transaction<
    (batch: PreparedBatch, options: AppendOptions) => AppendOutcome
  >;
  /** Appends asked for during this turn of the event loop, committed together (see `appendToStream`). */
  private pendingAppends: PendingAppend[] = [];
  private readonly groupCommit: Database.Transaction<(appends: readonly PendingAppend[]) => GroupOutcome[]>;
  private readonly readStreamTransaction: Database.Transaction<
    (statement: Database.Statement, bindings: readonly unknown[]) => unknown[][]
  >;
  private closed = false;
  private checkpointer: WalCheckpointer | undefined;

  private constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly clock: () => Date,
    pollIntervalMs: number,
  ) {
    this.statements = prepareStatements(db);
    this.logReads = new SqliteLogReads(db);
    this.batchReaders = new PartialReaders(
      db,
      (columns: string, where: string) =>
        `SELECT ${columns} FROM events WHERE position > ? AND position <= ?${where} ORDER BY position LIMIT ?`,
    );
    this.appendTransaction = db.transaction((batch: PreparedBatch, options: AppendOptions) =>
      this.appendLocked(batch, options),
    );
    // Each append runs nested, in its own savepoint: a refused append is rolled back alone.
    this.groupCommit = db.transaction((appends: readonly PendingAppend[]) =>
      appends.map(({ batch, options }): GroupOutcome => {
        try {
          return this.appendTransaction(batch, options);
        } catch (error) {
          return { error };
        }
      }),
    );
    // One read transaction: the existence check and the rows come from the same snapshot.
    this.readStreamTransaction = db.transaction((statement: Database.Statement, bindings: readonly unknown[]) => {
      const rows = statement.all(...bindings) as unknown[][];
      const streamId = bindings[0] as string;
      if (rows.length === 0 && this.statements.selectLast.get(streamId) === undefined) {
        throw new StreamNotFoundError(streamId);
      }
      return rows;
    });
    const dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.signal = new SqliteChangeSignal(path, () => dataVersion.get() as number, pollIntervalMs);
  }

  /**
   * Opens the store file, creating it if needed.
   * @throws StoreUnavailableError when the file is corrupt, belongs to another application or to a newer cdce;
   * such a file is left untouched.
   */
  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const path = options.path === ':memory:' ? options.path : resolve(options.path);
    const db = openDatabase({
      path,
      synchronous: options.synchronous ?? 'normal',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    });
    const store = new SqliteEventStore(db, path, options.clock ?? (() => new Date()), options.pollIntervalMs ?? 100);
    if (options.checkpointInBackground && path !== ':memory:') {
      db.pragma(`wal_autocheckpoint = ${SAFETY_NET_CHECKPOINT_PAGES}`);
      store.checkpointer = new WalCheckpointer(path);
    }
    return store;
  }

  /**
   * Opens an existing store file read-only, after checking that it is a cdce store (see `openSqliteEventStoreReader`).
   * @throws StoreUnavailableError as `open` does, and when the file does not exist or holds no store yet.
   */
  static openReader(
    options: Pick<SqliteEventStoreOptions, 'path' | 'busyTimeoutMs' | 'clock' | 'pollIntervalMs'>,
  ): SqliteEventStore {
    const path = resolve(options.path);
    const db = openReadOnlyDatabase({ path, busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
    return new SqliteEventStore(db, path, options.clock ?? (() => new Date()), options.pollIntervalMs ?? 100);
  }

  /**
   * Group commit: appends asked for in the same turn of the event loop (concurrent requests) are written in ONE
   * `BEGIN IMMEDIATE` transaction, each in its own savepoint, so that they share the cost of a commit while each
   * keeps its own checks and outcome. A lone caller waits one turn of the loop.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      this.assertOpen();
      const batch = prepareBatch(streamId, events, options.context);
      return new Promise<AppendResult>((resolve, reject) => {
        if (this.pendingAppends.push({ batch, options, resolve, reject }) === 1)
          setImmediate(() => this.commitPending());
      });
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** Writes the appends waiting, then settles each promise with its own outcome. */
  private commitPending(): void {
    const appends = this.pendingAppends;
    this.pendingAppends = [];
    if (appends.length === 0) return;
    let outcomes: GroupOutcome[];
    try {
      this.assertOpen();
      outcomes = this.guard(() => this.groupCommit.immediate(appends));
    } catch (error) {
      appends.forEach((append) => append.reject(error));
      return;
    }
    if (outcomes.some((outcome) => 'written' in outcome && outcome.written)) this.signal.committed();
    outcomes.forEach((outcome, i) => {
      if ('error' in outcome) appends[i]!.reject(this.explain(outcome.error));
      else appends[i]!.resolve(outcome.result);
    });
  }

  async readStream<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent<E>[]> {
    const rows = this.streamRows(streamId, options, this.statements.readEvents);
    return rows.map(toRecordedEvent) as RecordedEvent<E>[];
  }

  async readStreamToFold<E extends DomainEvent = DomainEvent>(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<FoldableEvent<E>[]> {
    const rows = this.streamRows(streamId, options, this.statements.readToFold);
    return rows.map((row) => toFoldableEvent(streamId, row)) as FoldableEvent<E>[];
  }

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertOpen();
    return readAllPages((after, limit) => this.readPage(after, limit, options.filter), options, READ_PAGE_SIZE);
  }

  /** One query for the whole batch, of the columns of the parts asked for only; no await per event. */
  async readBatch(options: ReadBatchOptions): Promise<LogBatch> {
    this.assertOpen();
    const after = options.after ?? -1n;
    return this.guard(() => {
      const from = boundToNumber(after);
      const head = this.head();
      if (head <= from || options.maxCount <= 0) return { events: [], scannedTo: after };
      const { where, params } = filterSql(options.filter);
      const reader = this.batchReaders.get(options.parts, where);
      const rows = reader.statement.all(from, head, ...params, options.maxCount) as unknown[][];
      const events = rows.map(reader.toEvent);
      const scannedTo = rows.length === options.maxCount ? events[events.length - 1]!.position : BigInt(head);
      return { events, scannedTo };
    });
  }

  async readLatest(options: ReadLatestOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.guard(() => this.logReads.latest(options));
  }

  async streamIds(prefix: string): Promise<string[]> {
    this.assertOpen();
    return this.guard(() => this.logReads.streamIds(prefix));
  }

  async readStreamsInOrder(options: ReadStreamsOptions): Promise<StreamsBatch> {
    this.assertOpen();
    return this.guard(() => this.logReads.streamsInOrder(options));
  }

  /** Another thread opens the same file with its own connection (see `openSqliteEventStoreReader`). */
  readerForThread(): ThreadReaderRecipe | undefined {
    if (this.path === ':memory:') return undefined;
    return { module: __filename, exportName: openSqliteEventStoreReader.name, argument: { path: this.path } };
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    this.assertOpen();
    const subscription = new CatchUpSubscription(
      {
        readPage: (after, limit) => this.readPage(after, limit, options.filter),
        watch: (wake) => this.signal.watch(wake),
      },
      options.after ?? -1n,
      SUBSCRIPTION_PAGE_SIZE,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return BigInt(this.guard(() => this.head()));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // Appends already asked for are written before the file closes.
    this.commitPending();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.signal.stop();
    await this.checkpointer?.stop();
    this.db.close();
  }

  private appendLocked(batch: PreparedBatch, { expectedRevision }: AppendOptions): AppendOutcome {
    const { selectById, selectLast, insertEvent } = this.statements;
    const stored = batch.events.map((event) => selectById.get(event.id) as StoredRow | undefined);
    const retried = resolveRetry(batch, stored.map(toSummary));
    if (retried) return { result: retried, written: false };
    const stream = selectLast.get(batch.streamId) as { revision: number; hash: string } | undefined;
    checkExpectedRevision(batch.streamId, expectedRevision, stream ? BigInt(stream.revision) : undefined);
    const recordedAt = this.clock().toISOString();
    let revision = stream ? stream.revision : -1;
    let position = this.head();
    let hash = stream ? stream.hash : GENESIS_HASH;
    const { actor, commandId, correlationId, causationId } = batch.context;
    const recorded: RecordedEvent[] = [];
    for (const event of batch.events) {
      revision += 1;
      position += 1;
      const metadata = metadataFor(batch.context, recordedAt, '');
      hash = eventHash(hash, {
        streamId: batch.streamId,
        revision: BigInt(revision),
        id: event.id,
        type: event.type,
        data: event.data,
        dataJson: event.dataJson,
        metadata,
      });
      insertEvent.run(
        position,
        batch.streamId,
        revision,
        event.id,
        event.type,
        event.dataJson,
        actor.id,
        actor.role,
        commandId,
        correlationId,
        causationId,
        recordedAt,
        hash,
      );
      recorded.push({
        streamId: batch.streamId,
        id: event.id,
        type: event.type,
        // Parsed from what was stored, so that the caller holds exactly what a later read returns.
        data: JSON.parse(event.dataJson) as object,
        revision: BigInt(revision),
        position: BigInt(position),
        metadata: metadataFor(batch.context, recordedAt, hash),
      });
    }
    return {
      result: { nextExpectedRevision: BigInt(revision), position: BigInt(position), recorded },
      written: true,
    };
  }

  /** The rows of one stream, read with the statement for the direction asked (`columns` decides what they hold). */
  private streamRows(streamId: string, options: ReadStreamOptions, columns: StreamStatements): unknown[][] {
    this.assertOpen();
    assertValidStreamName(streamId);
    const forwards = (options.direction ?? 'forwards') === 'forwards';
    const end = Number.MAX_SAFE_INTEGER;
    const first = options.fromRevision === undefined ? (forwards ? 0 : end) : boundToNumber(options.fromRevision);
    const last = options.toRevision === undefined ? (forwards ? end : 0) : boundToNumber(options.toRevision);
    if (options.maxCount === undefined) {
      const statement = forwards ? columns.forwardsUnlimited : columns.backwardsUnlimited;
      return this.guard(() => this.readStreamTransaction(statement, [streamId, first, last]));
    }
    const statement = forwards ? columns.forwards : columns.backwards;
    const limit = Math.max(0, options.maxCount);
    return this.guard(() => this.readStreamTransaction(statement, [streamId, first, last, limit]));
  }

  private readPage(after: bigint, limit: number, filter: AllFilter | undefined): LogPage {
    this.assertOpen();
    return this.guard(() => {
      const from = boundToNumber(after);
      // Bounding the query by the head read first tells how far a filtered page has looked, even when nothing matched.
      const head = this.head();
      if (head <= from) return { events: [], scannedTo: after };
      const { where, params, shape } = filterSql(filter);
      const rows = this.pageStatement(shape, where).all(from, head, ...params, limit) as unknown[][];
      const events = rows.map(toRecordedEvent);
      const scannedTo = rows.length === limit ? events[events.length - 1]!.position : BigInt(head);
      return { events, scannedTo };
    });
  }

  private pageStatement(shape: string, where: string): Database.Statement {
    let statement = this.pageStatements.get(shape);
    if (!statement) {
      statement = this.db
        .prepare(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND position <= ?${where} ORDER BY position LIMIT ?`,
        )
        .raw(true);
      this.pageStatements.set(shape, statement);
    }
    return statement;
  }

  private head(): number {
    return (this.statements.selectHead.get() as number | null) ?? -1;
  }

  /** Turns SQLite's "file is damaged" errors into the kernel's error, naming the file. */
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      throw this.explain(error);
    }
  }

  private explain(error: unknown): unknown {
    return isDamagedFileError(error)
      ? new StoreUnavailableError(this.path, 'the file is damaged: restore it from a backup')
      : error;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreUnavailableError(this.path, 'the store was closed');
  }
}

interface AppendOutcome {
  readonly result: AppendResult;
  /** False for an idempotent retry: nothing to signal. */
  readonly written: boolean;
}

interface PendingAppend {
  readonly batch: PreparedBatch;
  readonly options: AppendOptions;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type GroupOutcome = AppendOutcome | { readonly error: unknown };

interface StoredRow {
  stream_id: string;
  revision: number;
  position: number;
  type: string;
  data: string;
}

function toSummary(row: StoredRow | undefined): StoredEventSummary | undefined {
  return (
    row && {
      streamId: row.stream_id,
      revision: BigInt(row.revision),
      position: BigInt(row.position),
      type: row.type,
      dataJson: row.data,
    }
  );
}

function prepareStatements(db: Database.Database) {
  return {
    selectById: db.prepare('SELECT stream_id, revision, position, type, data FROM events WHERE event_id = ?'),
    /** The stream's last event: its revision and the hash the next event chains to. */
    selectLast: db.prepare('SELECT revision, hash FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
    selectHead: db.prepare('SELECT max(position) FROM events').pluck(),
    insertEvent: db.prepare(`INSERT INTO events (${EVENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    readEvents: streamStatements(db, EVENT_COLUMNS),
    readToFold: streamStatements(db, FOLD_COLUMNS),
  };
}

/**
 * Reading a stream's `columns` forwards or backwards; each takes (stream, first, last revision[, limit]). The
 * `unlimited` forms serve the common read "everything after revision n" (a command catching up with its cached
 * fold): without a LIMIT clause SQLite answers it about twice as fast.
 */
interface StreamStatements {
  readonly forwards: Database.Statement;
  readonly backwards: Database.Statement;
  readonly forwardsUnlimited: Database.Statement;
  readonly backwardsUnlimited: Database.Statement;
}

function streamStatements(db: Database.Database, columns: string): StreamStatements {
  const read = (bounds: string, order: string, limit: string) =>
    db
      .prepare(`SELECT ${columns} FROM events WHERE stream_id = ? AND ${bounds} ORDER BY revision ${order}${limit}`)
      .raw(true);
  return {
    forwards: read('revision >= ? AND revision <= ?', 'ASC', ' LIMIT ?'),
    backwards: read('revision <= ? AND revision >= ?', 'DESC', ' LIMIT ?'),
    forwardsUnlimited: read('revision >= ? AND revision <= ?', 'ASC', ''),
    backwardsUnlimited: read('revision <= ? AND revision >= ?', 'DESC', ''),
  };
}

/**
 * Opens a reader of an existing store file in another thread (what `readerForThread` names): a read-only connection,
 * which never competes with the appends for the write lock. Appending through it fails (SQLITE_READONLY).
 */
export function openSqliteEventStoreReader(argument: { readonly path: string }): SqliteEventStore {
  return SqliteEventStore.openReader({ path: argument.path });
}
