import type { EventStore, RecordedEvent } from '@cdce/eventsourcing';
import { acceptorOf, type Projection } from './projection';
import { evolveManyOrExplain, evolveOrExplain, partsReadBy } from './projection-slot';
import type { SqliteReadModelStore } from './sqlite-read-model.store';

/** Streams of one prefix from `fromStream` (inclusive) to `toStream` (exclusive; absent: to the prefix's last). */
export interface StreamRange {
  readonly prefix: string;
  readonly fromStream: string;
  readonly toStream?: string;
}

/**
 * Documents a range writes per transaction: each is a whole stream's fold, written once; a few hundred per commit
 * keep the commits few without holding many folds in memory.
 */
const DOCUMENTS_PER_COMMIT = 500;

/** The prefixes a stream-order rebuild of these projections reads (each must name its stream prefixes). */
export function prefixesOf(projections: readonly Projection<unknown>[]): string[] {
  return [...new Set(projections.flatMap((projection) => projection.filter.streamPrefixes ?? []))].sort();
}

/**
 * The streams of each prefix cut into ranges of about as many streams, about `count` ranges in all: more ranges than
 * threads, so that a thread that finishes early takes the next one and the threads end together. A prefix that is
 * the start of another (`commune-` and `commune-x`) is read once, by the shorter.
 */
export async function streamRangesOf(
  store: EventStore,
  prefixes: readonly string[],
  count: number,
): Promise<StreamRange[]> {
  const distinct = prefixes.filter((prefix) => !prefixes.some((other) => other !== prefix && prefix.startsWith(other)));
  const ranges: StreamRange[] = [];
  for (const prefix of distinct) {
    const ids = await store.streamIds!(prefix);
    if (ids.length === 0) continue;
    const size = Math.max(1, Math.ceil(ids.length / Math.max(1, Math.round(count / distinct.length))));
    for (let start = 0; start < ids.length; start += size) {
      const next = ids[start + size];
      ranges.push({ prefix, fromStream: ids[start]!, ...(next !== undefined ? { toStream: next } : {}) });
    }
  }
  return ranges;
}

/**
 * Folds the documents of `projections` (each `documentPerStream`) over a range of streams, read stream after
 * stream up to `upTo`, and writes each document once, a few hundred per transaction, in tables whose checkpoints the
 * caller moves once every range is done. Each stream's events go to `evolveMany` (or `evolve` in turn) at once.
 * Calls `onEvents` with the events read by each batch. @returns the events read. @throws ProjectionFailedError
 */
export async function foldStreamRange(
  store: EventStore,
  readModels: SqliteReadModelStore,
  projections: readonly Projection<unknown>[],
  range: StreamRange,
  options: { readonly upTo: bigint; readonly batchSize: number; readonly onEvents?: (count: number) => void },
): Promise<number> {
  const folds = projections
    .filter((projection) => (projection.filter.streamPrefixes ?? []).some((prefix) => prefix.startsWith(range.prefix)))
    .map((projection) => new StreamFold(projection, readModels));
  if (folds.length === 0) return 0;
  const parts = partsReadBy(folds);
  let read = 0;
  for (let after: { streamId: string; revision: bigint } | undefined, first = true; first || after; first = false) {
    const batch = await store.readStreamsInOrder!({
      prefix: range.prefix,
      fromStream: range.fromStream,
      ...(range.toStream !== undefined ? { toStream: range.toStream } : {}),
      ...(after ? { after } : {}),
      upTo: options.upTo,
      maxCount: options.batchSize,
      ...(parts ? { parts } : {}),
    });
    for (const event of batch.events) for (const fold of folds) fold.add(event);
    const full = folds.filter((fold) => fold.documents.size >= DOCUMENTS_PER_COMMIT);
    if (full.length > 0) write(readModels, full);
    read += batch.events.length;
    options.onEvents?.(batch.events.length);
    after = batch.next;
  }
  folds.forEach((fold) => fold.endRun());
  write(readModels, folds);
  return read;
}

/** One projection's fold over a range: the current stream's events, and the documents folded but not yet written. */
class StreamFold {
  readonly documents = new Map<string, unknown>();
  private readonly accepts: (event: RecordedEvent) => boolean;
  private readonly writer;
  private runId: string | undefined;
  private run: RecordedEvent[] = [];

  constructor(
    readonly projection: Projection<unknown>,
    readModels: SqliteReadModelStore,
  ) {
    this.accepts = acceptorOf(projection.filter);
    this.writer = readModels.writerFor(projection);
  }

  add(event: RecordedEvent): void {
    if (!this.accepts(event)) return;
    const id = this.projection.documentIdOf(event);
    if (id === undefined) return;
    if (id !== this.runId) this.endRun();
    this.runId = id;
    this.run.push(event);
  }

  /** Folds the current stream's events into its document. */
  endRun(): void {
    if (this.runId === undefined) return;
    const { projection, run } = this;
    const doc = projection.evolveMany
      ? evolveManyOrExplain(projection, undefined, run)
      : run.reduce<unknown>((folded, event) => evolveOrExplain(projection, folded, event), undefined);
    if (this.documents.has(this.runId)) throw this.notPerStream();
    this.documents.set(this.runId, doc);
    this.runId = undefined;
    this.run = [];
  }

  /** Inserts the folded documents: one already in the table breaks the projection's `documentPerStream` promise. */
  save(): void {
    try {
      this.writer.insertAll(this.documents);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
      throw this.notPerStream(error);
    }
    this.documents.clear();
  }

  private notPerStream(cause?: unknown): Error {
    return new Error(
      `Projection ${this.projection.name} says each of its documents is one stream's (documentPerStream), but two ` +
        `streams gave the same document: remove documentPerStream, or give each stream its own document id.`,
      { cause },
    );
  }
}

function write(readModels: SqliteReadModelStore, folds: readonly StreamFold[]): void {
  readModels.db.transaction(() => folds.forEach((fold) => fold.save()))();
}
