import * as os from 'node:os';
import type { EventStore } from '@cdce/eventsourcing';
import { catchUpInThread, type ThreadOutcome } from './catch-up-thread';
import type { Slot } from './projection-slot';
import type { SqliteReadModelStore } from './sqlite-read-model.store';
import { prefixesOf, streamRangesOf } from './stream-order-fold';

/** Threads of a stream-order rebuild: one per core, at least two (one also walks the log), at most four. */
const MAX_THREADS = 4;
/** Ranges per thread: enough that the threads end together, few enough that a range is worth a read of its own. */
const RANGES_PER_THREAD = 8;

/**
 * True when a catch-up up to `head` may rebuild this projection stream by stream: its documents are one stream's
 * each, its checkpoint is at the start and its table empty, a thread can load it, it names its stream prefixes, and
 * the store reads streams one after the other from another thread.
 */
export function rebuildsInStreamOrder(slot: Slot, store: EventStore, readModels: SqliteReadModelStore): boolean {
  const { projection } = slot;
  return (
    projection.documentPerStream === true &&
    projection.source !== undefined &&
    (projection.filter.streamPrefixes?.length ?? 0) > 0 &&
    slot.position === -1n &&
    store.streamIds !== undefined &&
    store.readStreamsInOrder !== undefined &&
    store.readerForThread() !== undefined &&
    !readModels.db.memory &&
    readModels.isEmpty(projection)
  );
}

export interface StreamOrderRebuild {
  readonly store: EventStore;
  readonly readModels: SqliteReadModelStore;
  /** Rebuilt stream by stream, by every thread. */
  readonly inStreamOrder: readonly Slot[];
  /** Caught up in log order by the first thread, before it folds ranges too. */
  readonly inLogOrder: readonly Slot[];
  readonly head: bigint;
  readonly batchSize: number;
  readonly cachedDocuments: number;
  readonly clockOffsetMs: number;
  readonly onBatch: (position: bigint, count: number) => void;
  readonly onFolded: (count: number) => void;
}

/** How each thread ended, in thread order (the first one also caught `inLogOrder` up). */
export type StreamOrderOutcomes = readonly PromiseSettledResult<ThreadOutcome>[];

/**
 * Starts the threads of a stream-order rebuild and settles once all have ended. The streams of the projections'
 * prefixes are cut into ranges; every thread takes the next range left until none is, the first one after catching
 * up the log-order projections, so that the threads end together whatever each part costs. Each range's documents
 * are written without a checkpoint: the caller moves the checkpoints once every thread has succeeded (an interrupted
 * rebuild leaves rows behind a checkpoint at the start, which the next catch-up clears).
 */
export async function runStreamOrderRebuild(job: StreamOrderRebuild): Promise<StreamOrderOutcomes> {
  const threads = Math.max(2, Math.min(os.availableParallelism(), MAX_THREADS));
  const projections = job.inStreamOrder.map((slot) => slot.projection);
  const ranges = await streamRangesOf(job.store, prefixesOf(projections), threads * RANGES_PER_THREAD);
  const streamOrder = {
    projections: projections.map((projection) => projection.source!),
    ranges,
    taken: new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT),
  };
  return Promise.allSettled(
    Array.from({ length: threads }, (_, thread) =>
      catchUpInThread({
        store: job.store.readerForThread()!,
        readModels: job.readModels.db.name,
        projections: thread === 0 ? job.inLogOrder.map((slot) => slot.projection.source!) : [],
        readThroughFilter: true,
        head: job.head,
        batchSize: job.batchSize,
        cachedDocuments: job.cachedDocuments,
        clockOffsetMs: job.clockOffsetMs,
        streamOrder,
        onBatch: job.onBatch,
        onFolded: job.onFolded,
      }),
    ),
  );
}
