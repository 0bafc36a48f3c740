import type { EventStore, EventSubscription, RecordedEvent } from '@cdce/eventsourcing';
import { BurstConsumer } from './burst-consumer';
import { accepts, type Projection } from './projection';
import type { DocumentWriter, SqliteReadModelStore } from './sqlite-read-model.store';

export interface ProjectorOptions {
  /** Most events applied in one transaction. */
  readonly batchSize?: number;
  readonly clock?: () => Date;
  /**
   * Documents kept parsed in memory per projection, most recently written first (default 5 000): a document touched
   * again in a later batch is not read and parsed again. 0 disables the cache.
   */
  readonly cachedDocuments?: number;
  /** Called after each committed batch (progress bars, metrics). */
  readonly onBatch?: (position: bigint, count: number) => void;
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

interface Slot {
  readonly projection: Projection<unknown>;
  readonly writer: DocumentWriter<unknown>;
  position: bigint;
  /** Committed documents by id (undefined: known to be absent). Only the projector writes these tables. */
  readonly cache: Map<string, unknown>;
}

/**
 * Runs projections over the global log: catch-up from each projection's checkpoint, then live.
 * Each batch of events is applied to the documents and the checkpoints in ONE SQLite transaction, so a crash at any
 * point leaves each read model exactly at a checkpoint: every event is applied once.
 */
export class Projector {
  private readonly slots: Slot[];
  private readonly batchSize: number;
  private readonly clock: () => Date;
  private subscription?: EventSubscription;
  private consumer?: BurstConsumer;
  private loop?: Promise<void>;
  private waiters: Array<{ position: bigint; resolve: (reached: boolean) => void }> = [];
  private error?: string;
  private failedProjection?: string;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: SqliteReadModelStore,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different document types share one projector
    projections: readonly Projection<any>[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.clock = options.clock ?? (() => new Date());
    this.slots = projections.map((projection) => {
      readModels.prepare(projection);
      return {
        projection,
        writer: readModels.writerFor(projection),
        position: readModels.checkpoint(projection.name)!.position,
        cache: new Map<string, unknown>(),
      };
    });
  }

  /** Lowest checkpoint: where reading the log resumes. */
  get position(): bigint {
    return this.slots.reduce(
      (min, slot) => (slot.position < min ? slot.position : min),
      this.slots[0]?.position ?? -1n,
    );
  }

  /** Starts catch-up then live processing in the background. */
  start(): void {
    if (this.loop || this.slots.length === 0) return;
    this.error = undefined;
    this.failedProjection = undefined;
    this.subscription = this.store.subscribeToAll({ after: this.position });
    this.consumer = new BurstConsumer(
      this.subscription,
      this.batchSize,
      (batch) => this.apply(batch),
      (error) => this.fail(error),
    );
    this.loop = this.consumer.run();
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.loop;
    this.consumer?.flush();
    this.loop = undefined;
    this.subscription = undefined;
    this.consumer = undefined;
    this.releaseWaiters();
  }

  /** Applies everything up to the log's current head, then returns (rebuilds, tests, the CLI). */
  async catchUp(): Promise<number> {
    if (this.slots.length === 0) return 0;
    const head = await this.store.headPosition();
    let applied = 0;
    while (this.position < head) {
      const batch: RecordedEvent[] = [];
      for await (const event of this.store.readAll({ after: this.position, maxCount: this.batchSize }))
        batch.push(event);
      if (batch.length === 0) break;
      this.apply(batch);
      applied += batch.length;
    }
    // Events after the last one read may be filtered out of every projection: the read models are still at the head.
    if (this.position < head) this.advanceTo(head);
    return applied;
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
      running: this.loop !== undefined && this.error === undefined,
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

  private apply(batch: readonly RecordedEvent[]): void {
    const last = batch[batch.length - 1]!.position;
    const now = this.clock().toISOString();
    const written: Map<string, unknown>[] = [];
    try {
      this.readModels.db.transaction(() => {
        for (const slot of this.slots) written.push(this.applyTo(slot, batch, last, now));
      })();
    } catch (error) {
      // Nothing of the batch was committed; drop what the cache may hold of it.
      this.slots.forEach((slot) => slot.cache.clear());
      throw error;
    }
    this.slots.forEach((slot, i) => this.remember(slot, written[i]!));
    this.slots.forEach((slot) => (slot.position = slot.position > last ? slot.position : last));
    this.options.onBatch?.(last, batch.length);
    this.notifyWaiters();
  }

  private applyTo(slot: Slot, batch: readonly RecordedEvent[], last: bigint, now: string): Map<string, unknown> {
    const dirty = new Map<string, unknown>();
    if (slot.position >= last) return dirty;
    const { projection, writer, cache } = slot;
    for (const event of batch) {
      if (event.position <= slot.position || !accepts(projection.filter, event)) continue;
      const id = projection.documentIdOf(event);
      if (id === undefined) continue;
      const current = dirty.has(id) ? dirty.get(id) : cache.has(id) ? cache.get(id) : writer.load(id);
      dirty.set(id, evolveOrExplain(projection, current, event));
    }
    dirty.forEach((doc, id) => writer.save(id, doc));
    this.readModels.saveCheckpoint(projection.name, last, now);
    return dirty;
  }

  /** Keeps the committed documents parsed, evicting the least recently written beyond the limit. */
  private remember(slot: Slot, written: Map<string, unknown>): void {
    const limit = this.options.cachedDocuments ?? 5000;
    if (limit <= 0) return;
    for (const [id, doc] of written) {
      slot.cache.delete(id);
      slot.cache.set(id, doc);
    }
    for (const id of slot.cache.keys()) {
      if (slot.cache.size <= limit) break;
      slot.cache.delete(id);
    }
  }

  private advanceTo(position: bigint): void {
    const now = this.clock().toISOString();
    this.readModels.db.transaction(() => {
      this.slots.forEach((slot) => this.readModels.saveCheckpoint(slot.projection.name, position, now));
    })();
    this.slots.forEach((slot) => (slot.position = position));
    this.notifyWaiters();
  }

  private notifyWaiters(): void {
    const reached = this.waiters.filter((waiter) => this.position >= waiter.position);
    if (reached.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => this.position < waiter.position);
    reached.forEach((waiter) => waiter.resolve(true));
  }
}

/** A projection threw on an event: names the projection and the event so that /health and logs can say which. */
export class ProjectionFailedError extends Error {
  readonly code = 'PROJECTION_FAILED';
  constructor(
    readonly projection: string,
    readonly position: bigint,
    readonly eventType: string,
    cause: unknown,
  ) {
    super(
      `Projection ${projection} failed on ${eventType} at position ${position}: ${(cause as Error)?.message ?? String(cause)}`,
      {
        cause,
      },
    );
    this.name = 'ProjectionFailedError';
  }
}

function evolveOrExplain(projection: Projection<unknown>, doc: unknown, event: RecordedEvent): unknown {
  try {
    return projection.evolve(doc, event);
  } catch (error) {
    throw new ProjectionFailedError(projection.name, event.position, event.type, error);
  }
}
