import type { EventStore } from '@cdce/eventsourcing';
import type { Projection } from './projection';
import { Projector } from './projector';
import type { SqliteReadModelStore } from './sqlite-read-model.store';

/** Where a rebuild stands, reported after each committed batch. */
export interface RebuildProgress {
  /** The projections being rebuilt. */
  readonly projections: readonly string[];
  /** Events read from the log so far (including those every projection skips). */
  readonly applied: number;
  /** Global position reached. */
  readonly position: bigint;
  /** Head of the log when the rebuild started. */
  readonly head: bigint;
  /** Events folded so far stream by stream (see `documentPerStream`), 0 when the rebuild reads only in log order. */
  readonly folded: number;
  /**
   * How far the rebuild is, from 0 to 1, never going back: where it is in the log, and the events folded stream by
   * stream counted against the whole log (a log with many events of other streams shows less than done until the
   * end, when it says 1).
   */
  readonly fraction: number;
}

export interface RebuildResult {
  readonly projections: readonly string[];
  /** Events of the log the rebuild went through. */
  readonly applied: number;
  readonly head: bigint;
  readonly seconds: number;
  /** The projections rebuilt in worker threads (see RebuildOptions.threads). */
  readonly inThreads: readonly string[];
}

export interface RebuildOptions {
  /**
   * Events read and applied at a time (default 2 500: a batch is alive while it is folded, so a smaller one leaves
   * less for the garbage collector to copy; below that, the calls per batch start to show).
   */
  readonly batchSize?: number;
  /**
   * Documents per projection held in memory during the rebuild (default 20 000): up to that many, each is written
   * once, at the end, instead of once per batch that touches it.
   */
  readonly cachedDocuments?: number;
  readonly clock?: () => Date;
  /** Whether projections that have a `source` are rebuilt in worker threads (see ProjectorOptions.threads). */
  readonly threads?: boolean | 'auto';
  /** Told when a projection meant for a worker thread is rebuilt in this one instead (see ProjectorOptions.onWarning). */
  readonly onWarning?: (message: string) => void;
}

/** Asked to rebuild a projection this deployment does not have. */
export class UnknownProjectionError extends Error {
  readonly code = 'UNKNOWN_PROJECTION';
  constructor(
    readonly names: readonly string[],
    known: readonly string[],
  ) {
    super(`Unknown projection(s) ${names.join(', ')}; known: ${known.join(', ')}.`);
    this.name = 'UnknownProjectionError';
  }
}

/**
 * Drops the named read models (all of `projections` when `names` is empty or absent) and rebuilds them from the
 * beginning of the log, calling `onProgress` after each committed batch. Read models of other projections are left
 * alone. Run it while no projector of the same read-model file is running (the CLI, or the API at start-up).
 * @throws UnknownProjectionError before touching anything when a name is not among `projections`.
 */
export async function rebuildProjections(
  store: EventStore,
  readModels: SqliteReadModelStore,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- projections of different document types
  projections: readonly Projection<any>[],
  names?: readonly string[],
  onProgress?: (progress: RebuildProgress) => void,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const known = projections.map((projection) => projection.name);
  const unknown = (names ?? []).filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UnknownProjectionError(unknown, known);
  const selected = names && names.length > 0 ? projections.filter((p) => names.includes(p.name)) : projections;
  const selectedNames = selected.map((projection) => projection.name);
  const started = Date.now();
  const head = await store.headPosition();
  selectedNames.forEach((name) => readModels.reset(name));
  let applied = 0;
  let position = -1n;
  let folded = 0;
  let reported = 0;
  const report = (done = false) => {
    const events = Number(head) + 1;
    const inLog = events > 0 ? (Number(position) + 1) / events : 1;
    const inStreams = events > 0 ? Math.min(1, folded / events) : 1;
    // Both parts run side by side when some projections are folded stream by stream and others walk the log: the
    // rebuild is as far as the one behind.
    // Events folded stream by stream are counted against the whole log (events of other streams are never folded):
    // the last report, once the rebuild is done, says 1.
    const estimate = done ? 1 : folded === 0 ? inLog : applied === 0 ? inStreams : Math.min(inLog, inStreams);
    if (done && reported === 1) return;
    // A progress bar never goes back (the log-order part may start after some ranges were folded).
    reported = Math.max(reported, estimate);
    onProgress?.({ projections: selectedNames, applied, position, head, folded, fraction: reported });
  };
  const projector = new Projector(store, readModels, selected, {
    batchSize: options.batchSize ?? 2_500,
    cachedDocuments: options.cachedDocuments ?? 20_000,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
    ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    onBatch: (reached, count) => {
      applied += count;
      position = reached;
      report();
    },
    onFolded: (count) => {
      folded += count;
      report();
    },
  });
  await projector.catchUp();
  report(true);
  const seconds = (Date.now() - started) / 1000;
  // The events of the log the rebuild went through, whether in log order, stream by stream, or both side by side.
  const events = Math.max(applied, folded);
  return { projections: selectedNames, applied: events, head, seconds, inThreads: projector.caughtUpInThreads };
}
