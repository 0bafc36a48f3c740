import type { EventStore } from '@cdce/eventsourcing';
import type { ThreadCatchUp } from './catch-up-thread';
import type { Projection } from './projection';
import { Projector } from './projector';
import { CATCH_UP_BUSY_TIMEOUT_MS, SqliteReadModelStore } from './sqlite-read-model.store';

/* The projections and the store's reader are found by module path at run time: there is no static import to make. */
/* eslint-disable @typescript-eslint/no-require-imports */

/**
 * Runs in a worker thread (see catchUpInThread): opens its own reader of the log and its own connection to the
 * read models, loads the projections, and catches them up to `head` with the projector's own catch-up in this thread,
 * committing documents and checkpoint as it goes.
 */
export async function catchUpInThisThread(
  job: ThreadCatchUp,
  on: { readonly loaded: () => void; readonly batch: (position: bigint, count: number) => void },
): Promise<number> {
  const projections = job.projections.map(({ module, exportName }) => {
    const projection = (require(module) as Record<string, Projection<unknown> | undefined>)[exportName];
    if (!projection) throw new Error(`${module} exports no ${exportName}.`);
    return projection;
  });
  const store = (require(job.store.module) as Record<string, (argument: unknown) => EventStore>)[job.store.exportName]!(
    job.store.argument,
  );
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
    return await projector.catchUp();
  } finally {
    readModels.close();
    await store.close();
  }
}
