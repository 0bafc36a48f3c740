import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

/**
 * The file naming the stream `failingPerStreamProjection` fails on, while it exists: a file, since the worker threads
 * that run the projection share neither the spec's memory nor its (sandboxed) environment, only its process id.
 */
export const failingStreamFile = (): string => path.join(os.tmpdir(), `cdce-failing-stream-${process.pid}`);

/** Throws on the events of the stream that `failingStreamFile` names, while it exists. */
export const failingPerStreamProjection: Projection<StreamCount> = {
  ...perStreamCountsProjection,
  name: 'failing-per-stream-counts',
  source: { module: __filename, exportName: 'failingPerStreamProjection' },
  evolve: (doc, event) => {
    const failing = fs.existsSync(failingStreamFile()) ? fs.readFileSync(failingStreamFile(), 'utf8') : undefined;
    if (event.streamId === failing) throw new Error(`cannot count ${failing}`);
    return { count: (doc?.count ?? 0) + 1 };
  },
  evolveMany: undefined,
};

/** Says each document is one stream's, yet gives every stream the same document: a rebuild must refuse it. */
export const notPerStreamProjection: Projection<StreamCount> = {
  ...perStreamCountsProjection,
  name: 'not-per-stream-counts',
  source: { module: __filename, exportName: 'notPerStreamProjection' },
  documentIdOf: () => 'all',
};
