import type { EventStore } from '@cdce/eventsourcing';
import type { ThreadCatchUp } from './catch-up-thread';
import type { Projection } from './projection';
import { Projector } from './projector';
import { CATCH_UP_BUSY_TIMEOUT_MS, SqliteReadModelStore } from './sqlite-read-model.store';
import { foldStreamRange } from './stream-order-fold';

/* The projections and the store's reader are found by module path at run time: there is no static import to make. */
/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * Runs in a worker thread (see catchUpInThread): opens its own reader of the log and its own connection to the
 * read models, loads the projections, and catches them up to `head` with the projector's own catch-up in this thread,
 * committing documents and checkpoint as it goes; then folds the ranges of streams of `streamOrder` left to take.
 */
export async function catchUpInThisThread(
  job: ThreadCatchUp,
  on: {
    readonly loaded: () => void;
    readonly batch: (position: bigint, count: number) => void;
    readonly folded: (count: number) => void;
  },
): Promise<number> {
  const projections = job.projections.map(load);
  const streamOrder = job.streamOrder && { ...job.streamOrder, projections: job.streamOrder.projections.map(load) };
  const store = (require(job.store.module) as Record<string, (argument: unknown) => EventStore>)[job.store.exportName]!(
    job.store.argument,
  );
  const taken = streamOrder && new Int32Array(streamOrder.taken);
  const readModels = SqliteReadModelStore.open(job.readModels);
  // A thread writes to the read-model file beside others: it waits for their commits rather than fail.
  readModels.db.pragma(`busy_timeout = ${CATCH_UP_BUSY_TIMEOUT_MS}`);
  on.loaded();
  try {
    const projector = new Projector(store, readModels, projections, {
      batchSize: job.batchSize,
      cachedDocuments: job.cachedDocuments,
      clock: () => new Date(Date.now() + job.clockOffsetMs),
      onBatch: on.batch,
      writerThread: false,
      threads: false,
      upTo: job.head,
      readThroughFilter: job.readThroughFilter,
    });
    const applied = projections.length > 0 ? await projector.catchUp() : 0;
    if (!streamOrder) return applied;
    let folded = 0;
    for (let next = Atomics.add(taken!, 0, 1); next < streamOrder.ranges.length; next = Atomics.add(taken!, 0, 1)) {
      folded += await foldStreamRange(store, readModels, streamOrder.projections, streamOrder.ranges[next]!, {
        upTo: job.head,
        batchSize: job.batchSize,
        onEvents: on.folded,
      });
    }
    return Math.max(applied, folded);
  } catch (error) {
    // The rebuild has failed: the other threads take no further range (their rows are cleared at the next start).
    if (streamOrder) Atomics.store(taken!, 0, streamOrder.ranges.length);
    throw error;
  } finally {
    readModels.close();
    await store.close();
  }
}

function load({ module, exportName }: { readonly module: string; readonly exportName: string }): Projection<unknown> {
  const projection = (require(module) as Record<string, Projection<unknown> | undefined>)[exportName];
  if (!projection) throw new Error(`${module} exports no ${exportName}.`);
  return projection;
}
