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

/** The counts of the streams of prefix `s-`, one document per stream: a rebuild may fold it stream by stream. */
export const perStreamCountsProjection: Projection<StreamCount> = {
  ...streamCountsProjection,
  name: 'per-stream-counts',
  filter: { streamPrefixes: ['s-'] },
  source: { module: __filename, exportName: 'perStreamCountsProjection' },
  documentPerStream: true,
  evolveMany: (doc, events) => ({ count: (doc?.count ?? 0) + events.length }),
  indexes: [['count']],
};

/** The same, but no thread can load it. */
export const unloadablePerStreamProjection: Projection<StreamCount> = {
  ...perStreamCountsProjection,
  name: 'unloadable-per-stream-counts',
  source: { module: __filename, exportName: 'noSuchProjection' },
};

/** Throws on the events of stream `s-bad`. */
export const failingPerStreamProjection: Projection<StreamCount> = {
  ...perStreamCountsProjection,
  name: 'failing-per-stream-counts',
  source: { module: __filename, exportName: 'failingPerStreamProjection' },
  evolve: (doc, event) => {
    if (event.streamId === 's-bad') throw new Error('cannot count s-bad');
    return { count: (doc?.count ?? 0) + 1 };
  },
  evolveMany: undefined,
};
