import type { Projection } from '../projection';

/* Projections that a worker thread loads by module path (see Projection.source), for the specs of threaded catch-ups. */

export interface StreamCount {
  readonly count: number;
}

/** Counts the events of each stream; a thread can load it. */
export const streamCountsProjection: Projection<StreamCount> = {
  name: 'stream-counts',
  version: 1,
  filter: {},
  reads: [],
  source: { module: __filename, exportName: 'streamCountsProjection' },
  documentIdOf: (event) => event.streamId,
  evolve: (doc) => ({ count: (doc?.count ?? 0) + 1 }),
  columns: { count: { type: 'INTEGER', value: (doc) => doc.count } },
};

/** The same counts, but its source names an export this module does not have: no thread can load it. */
export const unloadableProjection: Projection<StreamCount> = {
  ...streamCountsProjection,
  name: 'unloadable-counts',
  source: { module: __filename, exportName: 'noSuchProjection' },
};
