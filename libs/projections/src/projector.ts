import type { AllFilter, EventStore, RecordedEvent } from '@cdce/eventsourcing';
import { BurstConsumer } from './burst-consumer';
import { acceptorOf, type Projection } from './projection';
import { catchUpInThread, type ThreadOutcome } from './catch-up-thread';
import {
  evolveInto,
  partsReadBy,
  type Pending,
  pendingOf,
  ProjectionFailedError,
  readsTable,
  remember,
  saveInPlace,
  type Slot,
  writesOf,
} from './projection-slot';
import { SqliteReadModelStore } from './sqlite-read-model.store';
import { rebuildsInStreamOrder, runStreamOrderRebuild } from './stream-order-rebuild';
import type { WriterThread } from './writer-thread';

export { ProjectionFailedError } from './projection-slot';

export interface ProjectorOptions {
  /** Most events applied in one transaction. */
  readonly batchSize?: number;
  readonly clock?: () => Date;
  /**
   * Documents kept parsed in memory per projection, most recently written first (default 5 000): a document touched
   * again in a later batch is not read and parsed again. 0 disables the cache. During a catch-up it also bounds the
   * documents held back between batches (see `catchUp`).
   */
  readonly cachedDocuments?: number;
  /** Called after each committed batch (progress bars, metrics). */
  readonly onBatch?: (position: bigint, count: number) => void;
  /** During a rebuild in stream order (see `catchUp`): called with the events each batch of a range of streams read. */
  readonly onFolded?: (count: number) => void;
  /**
   * Whether a catch-up commits from a worker thread, so that SQLite writes while the next batch is read and folded:
   * `auto` (default) does for a catch-up of at least 50 000 events into a file.
   */
  readonly writerThread?: boolean | 'auto';
  /**
   * Whether a catch-up runs the projections that have a `source` in worker threads, beside the others (see
   * `catchUp`): `auto` (default) does for a catch-up of at least 50 000 events from a store another thread can read
   * into a file. A thread that cannot load its projections (a wrong `source`, a module throwing when loaded, a file
   * that will not open) leaves them to this thread with a warning (see `onWarning`); with `true`, the catch-up fails
   * with a CatchUpThreadNotLoadedError instead.
   */
  readonly threads?: boolean | 'auto';
  /** Told what goes wrong without stopping the projector (a catch-up thread that could not load); default: `process.emitWarning`. */
  readonly onWarning?: (message: string) => void;
  /** Where a catch-up stops (a thread's catch-up stops where the projector that started it does); default the head. */
  readonly upTo?: bigint;
  /**
   * Whether a catch-up gives each projection of a few event types (a filter naming them) a read of the log of its
   * own, through its filter, beside the others' read: the events it skips are then neither read nor parsed for it.
   * What a thread catching up such a projection beside others does.
   */
  readonly readThroughFilter?: boolean;
}

/** Below this many events, starting a thread (a writer thread, or catch-up threads) costs more than it saves. */
const THREAD_MIN_EVENTS = 50_000n;
/** Commits a catch-up lets the writer thread queue before it waits: bounds the memory they hold. */
const COMMITS_IN_FLIGHT = 2;

/** A catch-up asked for threads (`threads: true`) and a thread could not load its projections or the store. */
export class CatchUpThreadNotLoadedError extends Error {
  readonly code = 'CATCH_UP_THREAD_NOT_LOADED';
  constructor(
    readonly projections: readonly string[],
    readonly reason: string,
  ) {
    super(`The catch-up thread of ${projections.join(', ')} could not load them: ${reason}`);
    this.name = 'CatchUpThreadNotLoadedError';
  }
}

export interface ProjectionStatus {
  readonly name: string;
  readonly version: number;
  readonly position: bigint;
  readonly updatedAt: string | null;
}

export interface ProjectorStatus {
  readonly running: boolean;
  /** Set when a projection threw: the projector stopped at the last committed batch. */
  readonly error?: string;
  /** The projection that threw, when known. */
  readonly failedProjection?: string;
  readonly projections: readonly ProjectionStatus[];
}

/**
 * Runs projections over the global log: catch-up from each projection's checkpoint, then live.
 * Each batch of events is applied to the documents and the checkpoints in ONE SQLite transaction, so a crash at any
 * point leaves each read model exactly at a checkpoint: every event is applied once.
 */
export class Projector {
  private readonly slots: Slot[];
  private readonly batchSize: number;
  private readonly cachedDocuments: number;
  private readonly clock: () => Date;
  private consumer?: BurstConsumer;
  private waiters: Array<{ position: bigint; resolve: (reached: boolean) => void }> = [];
  private error?: string;
  private failedProjection?: string;
  private threaded: readonly string[] = [];

  constructor(
    private readonly store: EventStore,
    private readonly readModels: SqliteReadModelStore,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different document types share one projector
    projections: readonly Projection<any>[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.cachedDocuments = options.cachedDocuments ?? 5000;
    this.clock = options.clock ?? (() => new Date());
    this.slots = projections.map((projection) => {
      readModels.prepare(projection);
      return {
        projection,
        writer: readModels.writerFor(projection),
        accepts: acceptorOf(projection.filter),
        position: readModels.checkpoint(projection.name)!.position,
        cache: new Map<string, unknown>(),
      };
    });
  }

  /** Lowest checkpoint: where reading the log resumes. */
  get position(): bigint {
    return lowest(this.slots);
  }

  /** The projections the last `catchUp` caught up in worker threads (none when it ran them all here). */
  get caughtUpInThreads(): readonly string[] {
    return this.threaded;
  }

  /** Starts catch-up then live processing in the background. */
  start(): void {
    if (this.consumer || this.slots.length === 0) return;
    this.clearInterruptedRebuilds();
    this.error = undefined;
    this.failedProjection = undefined;
    this.consumer = BurstConsumer.start(
      this.store.subscribeToAll({ after: this.position }),
      this.batchSize,
      (batch) => this.apply(batch),
      (error) => this.fail(error),
    );
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
    this.releaseWaiters();
  }

  /**
   * Applies everything up to the log's current head, then returns (start-up, rebuilds, tests, the CLI).
   *
   * Bulk mode: a projection's documents are held in memory from batch to batch and written (with its checkpoint, in
   * one transaction) once they outnumber `cachedDocuments`, and at the end, instead of being rewritten at every batch;
   * documents of `documentPerEvent` projections are written at every batch. A projection whose table is empty gets
   * its indexes built once, after the load (unless a writer thread commits). A crash or a failing event loses only
   * what was not yet written: each read model stays exactly at its checkpoint. Each batch is read in one call, with
   * only the parts of the events the projections read.
   *
   * In parallel (see `threads`): projections that have a `source` are caught up in worker threads (see
   * `threadGroups`), each with its own reader of the log and its own connection to the read models, while this thread
   * catches up the others: the same catch-up, on every core at once. Each commits its own documents and checkpoints;
   * meanwhile this connection waits for the threads' commits as long as they wait for each other's.
   *
   * In stream order (see `documentPerStream`): a projection whose documents are each one stream's, rebuilt from its
   * empty table, is folded stream after stream by every thread at once (see runStreamOrderRebuild), while the first
   * thread also catches the others up in log order; its checkpoint moves to the head once all threads are done.
   */
  async catchUp(): Promise<number> {
    this.threaded = [];
    if (this.slots.length === 0) return 0;
    const head = this.options.upTo ?? (await this.store.headPosition());
    this.clearInterruptedRebuilds();
    const inStreamOrder = this.streamOrderSlots(head);
    const groups = inStreamOrder.length > 0 ? [] : this.threadGroups(head);
    const applied =
      inStreamOrder.length > 0
        ? await this.readModels.patientDuring(() => this.rebuildInStreamOrder(inStreamOrder, head))
        : groups.length === 0
          ? await this.catchUpReads(this.slots, head, this.options.onBatch)
          : await this.readModels.patientDuring(() => this.catchUpInParallel(groups, head));
    // Events after the last one read may be filtered out of every projection: the read models are still at the head.
    if (this.position < head) this.advanceTo(head);
    return applied;
  }

  /**
   * The catch-up of these slots in this thread: one read of the log for all, or, with `readThroughFilter`, one more
   * for each projection of a few event types, through its filter, side by side (each commits its own checkpoints).
   */
  private async catchUpReads(
    slots: readonly Slot[],
    head: bigint,
    onBatch: ((position: bigint, count: number) => void) | undefined,
  ): Promise<number> {
    const narrow = this.options.readThroughFilter ? slots.filter(readsFewTypes) : [];
    if (narrow.length === 0) return this.catchUpHere(slots, head, onBatch);
    const reads = [slots.filter((slot) => !narrow.includes(slot)), ...narrow.map((slot) => [slot])].filter(
      (read) => read.length > 0,
    );
    const progress = mergedProgress(reads.length, onBatch);
    const outcomes = await Promise.allSettled(
      reads.map((read, i) =>
        this.catchUpHere(
          read,
          head,
          progress(i),
          undefined,
          narrow.includes(read[0]!) ? read[0]!.projection.filter : undefined,
        ),
      ),
    );
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return Math.max(...outcomes.map((o) => (o as PromiseFulfilledResult<number>).value));
  }

  /** The catch-up of these slots, in this thread, reading the log through `filter` if given (see `catchUp`). */
  private async catchUpHere(
    slots: readonly Slot[],
    head: bigint,
    onBatch: ((position: bigint, count: number) => void) | undefined,
    writerThread = this.wantsWriterThread(head),
    filter?: AllFilter,
  ): Promise<number> {
    const pending = slots.map((slot) =>
      pendingOf(slot, slot.position === -1n && this.readModels.isEmpty(slot.projection)),
    );
    const thread = writerThread ? this.readModels.startWriterThread() : undefined;
    // Building an index once after the load is cheaper than keeping it sorted row after row, unless the writer
    // thread keeps it on its own core while this one folds.
    const loading = thread ? [] : pending.filter((p) => p.allInMemory).map((p) => p.slot.projection);
    loading.forEach((projection) => this.readModels.dropIndexes(projection));
    const inFlight: Promise<void>[] = [];
    // Only the parts of each event these projections read.
    const parts = partsReadBy(slots);
    let applied = 0;
    try {
      let position = lowest(slots);
      while (position < head) {
        const { events: batch, scannedTo } = await this.store.readBatch({
          after: position,
          maxCount: this.batchSize,
          ...(parts ? { parts } : {}),
          ...(filter ? { filter } : {}),
        });
        if (scannedTo <= position) break;
        // A document evicted from memory is read back from its table: every commit sent must be in it by then.
        if (pending.some(readsTable)) await Promise.all(inFlight.splice(0));
        pending.forEach((p) => evolveInto(p, batch, scannedTo));
        position = scannedTo;
        const [reached, count] = [position, batch.length];
        const progress = () => {
          applied += count;
          onBatch?.(reached, count);
        };
        if (position >= head) {
          // The last commit writes what was held back: here, once the thread is done, rather than copied to it,
          // since nothing is left to fold meanwhile.
          await Promise.all(inFlight.splice(0));
          this.commit(pending, undefined, progress);
          break;
        }
        const done = this.commit(
          pending.filter((p) => this.isDue(p)),
          thread,
          progress,
        );
        if (done) inFlight.push(done);
        if (inFlight.length > COMMITS_IN_FLIGHT) await inFlight.shift();
      }
      await Promise.all(inFlight.splice(0));
      this.commit(pending);
    } catch (error) {
      // The caches may hold documents of commits that never happened.
      slots.forEach((slot) => slot.cache.clear());
      await Promise.allSettled(inFlight);
      throw error;
    } finally {
      await thread?.close();
      loading.forEach((projection) => this.readModels.createIndexes(projection));
    }
    return applied;
  }

  /**
   * The groups of projections that a catch-up up to `head` runs in worker threads, a thread each, beside the others
   * run here: those a thread can load, when the catch-up is long, the store and the read models can be opened by
   * another thread, and at least two threads would work at once. Those that read the events' data share one thread,
   * which parses it once for all of them; those that do not, another, which reads no data at all. A projection of a
   * few event types goes to the latter (or to a thread of its own when there is none), where it reads only its events
   * through its filter (see `readThroughFilter`), rather than make the data thread read every event's parts for it.
   */
  private threadGroups(head: bigint): Slot[][] {
    const wanted = this.options.threads ?? 'auto';
    if (wanted === false || this.readModels.db.memory || !this.store.readerForThread()) return [];
    if (wanted === 'auto' && head - this.position < THREAD_MIN_EVENTS) return [];
    const loadable = this.slots.filter((slot) => slot.projection.source !== undefined);
    const readsData = (slot: Slot) => slot.projection.reads?.includes('data') !== false;
    const wide = loadable.filter((slot) => !readsFewTypes(slot));
    const groups = [
      wide.filter(readsData),
      [...wide.filter((slot) => !readsData(slot)), ...loadable.filter(readsFewTypes)],
    ].filter((g) => g.length);
    const threads = groups.length + (loadable.length < this.slots.length ? 1 : 0);
    return threads >= 2 ? groups : [];
  }

  /**
   * Catches each group of projections up in a worker thread (its own reader of the log, its own connection to the
   * read models, its own commits and checkpoints) and the others here, all at once. Progress is reported at the
   * lowest position reached by any of them, with the events read by the one that read most. Projections a thread
   * could not load are caught up here afterwards, with a warning, unless threads were asked for (`threads: true`).
   */
  private async catchUpInParallel(groups: readonly Slot[][], head: bigint): Promise<number> {
    const threaded = groups.flat();
    const here = this.slots.filter((slot) => !threaded.includes(slot));
    const progress = mergedProgress(groups.length + (here.length > 0 ? 1 : 0), this.options.onBatch);
    const recipe = this.store.readerForThread()!;
    const offsetMs = this.clock().getTime() - Date.now();
    const runs = groups.map((slots, group) =>
      catchUpInThread({
        store: recipe,
        readModels: this.readModels.db.name,
        projections: slots.map((slot) => slot.projection.source!),
        readThroughFilter: true,
        head,
        batchSize: this.batchSize,
        cachedDocuments: this.cachedDocuments,
        clockOffsetMs: offsetMs,
        onBatch: progress(group),
      }),
    );
    const hereRun = here.length > 0 ? this.catchUpHere(here, head, progress(groups.length), false) : Promise.resolve(0);
    const outcomes: PromiseSettledResult<ThreadOutcome>[] = await Promise.allSettled([
      ...runs,
      hereRun.then((applied) => ({ applied })),
    ]);
    // What the threads committed is in the file: this projector goes on from their checkpoints.
    const notLoaded: { slots: Slot[]; reason: string }[] = [];
    groups.forEach((slots, i) => {
      const outcome = outcomes[i]!;
      slots.forEach((slot) => {
        slot.cache.clear();
        slot.position = this.readModels.checkpoint(slot.projection.name)!.position;
      });
      if (outcome.status === 'fulfilled' && 'notLoaded' in outcome.value)
        notLoaded.push({ slots, reason: outcome.value.notLoaded });
      else if (outcome.status === 'fulfilled') this.threaded = [...this.threaded, ...slots.map(nameOf)];
    });
    const failed = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    if (notLoaded.length > 0 && this.options.threads === true) {
      throw new CatchUpThreadNotLoadedError(
        notLoaded.flatMap((n) => n.slots.map(nameOf)),
        notLoaded[0]!.reason,
      );
    }
    const warn = this.options.onWarning ?? ((message: string) => process.emitWarning(message));
    notLoaded.forEach(({ slots, reason }) =>
      warn(
        `The catch-up thread of ${slots.map(nameOf).join(', ')} could not load them; this thread catches them up ` +
          `instead. ${reason}`,
      ),
    );
    const applied = Math.max(
      ...outcomes.map((o) => {
        const value = (o as PromiseFulfilledResult<ThreadOutcome>).value;
        return 'applied' in value ? value.applied : 0;
      }),
    );
    const fallback = notLoaded.flatMap((n) => n.slots);
    if (fallback.length === 0) return applied;
    return Math.max(applied, await this.catchUpHere(fallback, head, this.options.onBatch, false));
  }

  /** See `clearInterruptedRebuild`: before this projector applies anything. */
  private clearInterruptedRebuilds(): void {
    this.slots
      .filter((slot) => slot.position === -1n)
      .forEach((slot) => {
        if (clearInterruptedRebuild(this.readModels, slot.projection)) slot.cache.clear();
      });
  }

  /** The projections a catch-up up to `head` rebuilds in stream order (none unless it is long, or threads are asked for). */
  private streamOrderSlots(head: bigint): Slot[] {
    const wanted = this.options.threads ?? 'auto';
    if (wanted === false || (wanted === 'auto' && head - this.position < THREAD_MIN_EVENTS)) return [];
    return this.slots.filter((slot) => rebuildsInStreamOrder(slot, this.store, this.readModels));
  }

  /**
   * Rebuilds `inStreamOrder` stream by stream on worker threads, the first of which also catches up, in log order,
   * the other projections a thread can load; those it cannot are caught up here meanwhile. A thread that could not
   * load leaves its part to the others, or to this thread, in log order, with a warning (unless `threads: true`).
   */
  private async rebuildInStreamOrder(inStreamOrder: readonly Slot[], head: bigint): Promise<number> {
    const others = this.slots.filter((slot) => !inStreamOrder.includes(slot));
    const inLogOrder = others.filter((slot) => slot.projection.source !== undefined);
    const here = others.filter((slot) => slot.projection.source === undefined);
    // One progress slot per part that walks the log: the first thread's (when it has projections to walk it for),
    // and this thread's.
    const walks = [inLogOrder.length > 0, here.length > 0];
    const progress = mergedProgress(walks.filter(Boolean).length, this.options.onBatch);
    const [threadWalk, hereWalk] = [walks[0] ? progress(0) : () => undefined, progress(walks[0] ? 1 : 0)];
    inStreamOrder.forEach((slot) => this.readModels.dropIndexes(slot.projection));
    let folded = 0;
    const [outcomes, hereOutcome] = await Promise.all([
      runStreamOrderRebuild({
        store: this.store,
        readModels: this.readModels,
        inStreamOrder,
        inLogOrder,
        head,
        batchSize: this.batchSize,
        cachedDocuments: this.cachedDocuments,
        clockOffsetMs: this.clock().getTime() - Date.now(),
        onBatch: threadWalk,
        onFolded: (count) => {
          folded += count;
          this.options.onFolded?.(count);
        },
      }).catch((error: unknown) => [{ status: 'rejected', reason: error } as const]),
      here.length > 0
        ? this.catchUpHere(here, head, hereWalk, false).then(
            (applied) => ({ status: 'fulfilled', value: { applied } }) as const,
            (error: unknown) => ({ status: 'rejected', reason: error }) as const,
          )
        : undefined,
    ]);
    // What the first thread committed in log order is in the file: this projector goes on from its checkpoints.
    inLogOrder.forEach((slot) => {
      slot.cache.clear();
      slot.position = this.readModels.checkpoint(slot.projection.name)!.position;
    });
    const failed = [...outcomes, ...(hereOutcome ? [hereOutcome] : [])].find((o) => o.status === 'rejected');
    if (failed) this.abandonStreamOrder(inStreamOrder, (failed as PromiseRejectedResult).reason);
    const ended = outcomes.map((o) => (o as PromiseFulfilledResult<ThreadOutcome>).value);
    const notLoaded = ended.find((outcome) => 'notLoaded' in outcome) as { notLoaded: string } | undefined;
    const folding = ended.some((outcome) => 'applied' in outcome);
    const fallback = [...('notLoaded' in ended[0]! ? inLogOrder : []), ...(folding ? [] : inStreamOrder)];
    if (notLoaded && this.options.threads === true) {
      const names = [...inLogOrder, ...inStreamOrder].map(nameOf);
      this.abandonStreamOrder(inStreamOrder, new CatchUpThreadNotLoadedError(names, notLoaded.notLoaded));
    }
    if (folding) this.finishStreamOrder(inStreamOrder, head);
    this.threaded = this.slots.filter((slot) => !here.includes(slot) && !fallback.includes(slot)).map(nameOf);
    const applied = Math.max(
      folded,
      ...ended.map((outcome) => ('applied' in outcome ? outcome.applied : 0)),
      hereOutcome?.status === 'fulfilled' ? hereOutcome.value.applied : 0,
    );
    if (fallback.length === 0) return applied;
    const warn = this.options.onWarning ?? ((message: string) => process.emitWarning(message));
    warn(
      `The catch-up threads could not load ${fallback.map(nameOf).join(', ')}; this thread catches them up instead. ` +
        notLoaded!.notLoaded,
    );
    return Math.max(applied, await this.catchUpHere(fallback, head, this.options.onBatch, false));
  }

  /**
   * A thread failed: the ranges the others wrote are taken out again (the checkpoints are still at the start), so that
   * this projector, started again or asked to catch up again, rebuilds from an empty table rather than fold the log
   * onto documents already folded to the head. @throws the reason, always.
   */
  private abandonStreamOrder(inStreamOrder: readonly Slot[], reason: unknown): never {
    inStreamOrder.forEach((slot) => {
      clearInterruptedRebuild(this.readModels, slot.projection);
      this.readModels.createIndexes(slot.projection);
    });
    throw reason;
  }

  /** Every range is folded: the projections are at the head, with their indexes. */
  private finishStreamOrder(inStreamOrder: readonly Slot[], head: bigint): void {
    const now = this.clock().toISOString();
    inStreamOrder.forEach((slot) => this.readModels.createIndexes(slot.projection));
    this.readModels.db.transaction(() =>
      inStreamOrder.forEach((slot) => this.readModels.saveCheckpoint(slot.projection.name, head, now)),
    )();
    inStreamOrder.forEach((slot) => (slot.position = head));
    this.notifyWaiters();
  }

  /**
   * Resolves true once every projection has applied the event at `position` (read-your-writes), false after the
   * timeout, or at once when the projector has failed (it will not move again until restarted).
   */
  waitFor(position: bigint, timeoutMs = 2000): Promise<boolean> {
    if (this.position >= position || this.error !== undefined) return Promise.resolve(this.position >= position);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(this.position >= position);
      }, timeoutMs).unref();
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          resolve(reached);
        },
      };
      this.waiters.push(waiter);
    });
  }

  status(): ProjectorStatus {
    return {
      running: this.consumer !== undefined && this.error === undefined,
      ...(this.error ? { error: this.error } : {}),
      ...(this.failedProjection ? { failedProjection: this.failedProjection } : {}),
      projections: this.slots.map(({ projection, position }) => ({
        name: projection.name,
        version: projection.version,
        position,
        updatedAt: this.readModels.checkpoint(projection.name)?.updatedAt ?? null,
      })),
    };
  }

  /** Records why the live loop stopped and answers every waiter now: no further batch will be applied. */
  private fail(error: unknown): void {
    this.error = (error as Error).stack ?? String(error);
    if (error instanceof ProjectionFailedError) this.failedProjection = error.projection;
    this.releaseWaiters();
  }

  private releaseWaiters(): void {
    this.waiters.splice(0).forEach((waiter) => waiter.resolve(this.position >= waiter.position));
  }

  /** Applies a live batch: documents and checkpoints of every projection in one transaction. */
  private apply(batch: readonly RecordedEvent[]): void {
    const pending = this.slots.map((slot) => pendingOf(slot, false));
    pending.forEach((p) => evolveInto(p, batch));
    this.commit(pending);
    this.options.onBatch?.(batch[batch.length - 1]!.position, batch.length);
  }

  private wantsWriterThread(head: bigint): boolean {
    const wanted = this.options.writerThread ?? 'auto';
    return wanted === 'auto' ? head - this.position >= THREAD_MIN_EVENTS : wanted;
  }

  /** True when a catch-up should write the projection's documents now rather than keep them for later batches. */
  private isDue(pending: Pending): boolean {
    return pending.slot.projection.documentPerEvent === true || pending.docs.size > this.cachedDocuments;
  }

  /**
   * Commits the documents and checkpoints of these projections in ONE transaction: here, or on the writer thread
   * (then the returned promise settles once it is committed). The documents go to the caches at once, so that the
   * next batch folds on them; checkpoints, waiters and `then` follow the commit, in the order commits were made.
   */
  private commit(pending: readonly Pending[], thread?: WriterThread, then?: () => void): Promise<void> | undefined {
    const moving = pending.filter((p) => p.docs.size > 0 || p.appliedTo > p.slot.position);
    const sent = moving.map((p) => ({ slot: p.slot, docs: p.docs, position: p.appliedTo }));
    const now = this.clock().toISOString();
    if (!thread && sent.length > 0) {
      this.readModels.db.transaction(() => {
        sent.forEach(({ slot, docs, position }) =>
          saveInPlace(slot, docs, (name, at) => this.readModels.saveCheckpoint(name, at, now), position),
        );
      })();
    }
    const writes = thread
      ? sent.map(({ slot, docs, position }) => writesOf(slot, docs, [position.toString(), now, slot.projection.name]))
      : [];
    for (const p of moving) {
      if (remember(p.slot, p.docs, this.cachedDocuments)) p.allInMemory = false;
      p.docs = new Map();
    }
    const committed = () => {
      sent.forEach(({ slot, position }) => (slot.position = slot.position > position ? slot.position : position));
      if (sent.length > 0) this.notifyWaiters();
      then?.();
    };
    if (!thread) {
      committed();
      return undefined;
    }
    const done = thread.commit(writes).then(committed);
    done.catch(() => undefined); // awaited by the catch-up; this only keeps an early failure from going unhandled
    return done;
  }

  /** Moves every checkpoint behind `position` up to it (none goes back). */
  private advanceTo(position: bigint): void {
    const now = this.clock().toISOString();
    const behind = this.slots.filter((slot) => slot.position < position);
    this.readModels.db.transaction(() => {
      behind.forEach((slot) => this.readModels.saveCheckpoint(slot.projection.name, position, now));
    })();
    behind.forEach((slot) => (slot.position = position));
    this.notifyWaiters();
  }

  private notifyWaiters(): void {
    const reached = this.waiters.filter((waiter) => this.position >= waiter.position);
    if (reached.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => this.position < waiter.position);
    reached.forEach((waiter) => waiter.resolve(true));
  }
}

/**
 * Rows behind a checkpoint at the start are what a stream-order rebuild leaves when it is interrupted (every other
 * commit moves the checkpoint with the rows): they are cleared, and the projection is rebuilt from the start. Only
 * ever run by the one process projecting into the file (the API claims it, the CLI refuses to rebuild under it and
 * claims it while it rebuilds). @returns true when there were rows to clear.
 */
function clearInterruptedRebuild(readModels: SqliteReadModelStore, projection: Projection<unknown>): boolean {
  if (readModels.checkpoint(projection.name)!.position !== -1n || readModels.isEmpty(projection)) return false;
  readModels.db.exec(`DELETE FROM ${SqliteReadModelStore.tableOf(projection)}`);
  return true;
}

function nameOf(slot: Slot): string {
  return slot.projection.name;
}

/** True when the projection reads only some event types, named by its filter. */
function readsFewTypes(slot: Slot): boolean {
  return slot.projection.filter.eventTypes !== undefined;
}

/**
 * One progress report for several catch-ups run at once: reporter `i` takes the batches of the i-th; each batch is
 * reported at the lowest position any of them has reached, with the events read by the one that read most.
 */
function mergedProgress(
  count: number,
  onBatch: ((position: bigint, count: number) => void) | undefined,
): (i: number) => (position: bigint, count: number) => void {
  const reached = Array.from({ length: count }, () => ({ position: -1n, applied: 0 }));
  let reported = 0;
  return (i) => (position, events) => {
    reached[i]!.position = position;
    reached[i]!.applied += events;
    const lowestPosition = reached.reduce((min, p) => (p.position < min ? p.position : min), position);
    const most = Math.max(...reached.map((p) => p.applied));
    onBatch?.(lowestPosition, most - reported);
    reported = most;
  };
}

/** The lowest checkpoint of these slots (-1n when there are none). */
function lowest(slots: readonly Slot[]): bigint {
  return slots.reduce((min, slot) => (slot.position < min ? slot.position : min), slots[0]?.position ?? -1n);
}
