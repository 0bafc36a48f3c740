import type { EventPart, RecordedEvent } from '@cdce/eventsourcing';
import type { Projection } from './projection';
import type { DocumentWriter } from './sqlite-read-model.store';
import type { TableWrites } from './writer-thread';

/** A projection as the projector runs it: its writer, its checkpoint and the documents it keeps parsed. */
export interface Slot {
  readonly projection: Projection<unknown>;
  readonly writer: DocumentWriter<unknown>;
  /** The projection's filter, as a predicate. */
  readonly accepts: (event: RecordedEvent) => boolean;
  /** Last position committed to the projection's table: its checkpoint. */
  position: bigint;
  /**
   * Documents by id, as last written (undefined: known to be absent), most recently written last. Only the projector
   * writes these tables. During a catch-up they may be ahead of the table by the commits still in flight.
   */
  readonly cache: Map<string, unknown>;
}

/** A projection's documents evolved but not yet written, and how far in the log they go. */
export interface Pending {
  readonly slot: Slot;
  /** By id; undefined: to delete. */
  docs: Map<string, unknown>;
  /** Last position applied to `docs` (or committed before). */
  appliedTo: bigint;
  /**
   * Every document of the table is in `docs` or the cache (its table was empty when the catch-up started and nothing
   * has been evicted since): a document found in neither does not exist, without asking the table.
   */
  allInMemory: boolean;
}

export function pendingOf(slot: Slot, allInMemory: boolean): Pending {
  return { slot, docs: new Map(), appliedTo: slot.position, allInMemory };
}

/** True when the projection may read a document back from its table (then the table must hold every commit). */
export function readsTable(pending: Pending): boolean {
  return !pending.allInMemory && pending.slot.projection.documentPerEvent !== true;
}

/**
 * Evolves, in memory, the documents the batch touches; the projection has then applied the log up to `upTo` (the
 * batch's last position, or beyond it when the batch was read with a filter). @throws ProjectionFailedError
 */
export function evolveInto(
  pending: Pending,
  batch: readonly RecordedEvent[],
  upTo: bigint = batch[batch.length - 1]!.position,
): void {
  if (pending.appliedTo >= upTo) return;
  const { slot, docs } = pending;
  const { projection, accepts } = slot;
  const perEvent = projection.documentPerEvent === true;
  let first = 0;
  while (first < batch.length && batch[first]!.position <= pending.appliedTo) first++;
  if (projection.evolveMany && !perEvent) {
    evolveRunsInto(pending, batch, first);
    pending.appliedTo = upTo;
    return;
  }
  for (let i = first; i < batch.length; i++) {
    const event = batch[i]!;
    if (!accepts(event)) continue;
    const id = projection.documentIdOf(event);
    if (id === undefined) continue;
    docs.set(id, evolveOrExplain(projection, perEvent ? undefined : current(pending, id), event));
  }
  pending.appliedTo = upTo;
}

/**
 * `evolveInto` for a projection with `evolveMany`: each document's events of the batch (from `first`), in log order,
 * folded in one call. Documents are independent of one another, so folding each one's events together gives what
 * folding the batch event by event gives.
 */
function evolveRunsInto(pending: Pending, batch: readonly RecordedEvent[], first: number): void {
  const { slot, docs } = pending;
  const { projection, accepts } = slot;
  const runs = new Map<string, RecordedEvent[]>();
  for (let i = first; i < batch.length; i++) {
    const event = batch[i]!;
    if (!accepts(event)) continue;
    const id = projection.documentIdOf(event);
    if (id === undefined) continue;
    const run = runs.get(id);
    if (run) run.push(event);
    else runs.set(id, [event]);
  }
  runs.forEach((events, id) => docs.set(id, evolveManyOrExplain(projection, current(pending, id), events)));
}

/** The document as the pending changes, the cache or the table have it (undefined values mean "absent"). */
function current(pending: Pending, id: string): unknown {
  const pendingDoc = pending.docs.get(id);
  if (pendingDoc !== undefined || pending.docs.has(id)) return pendingDoc;
  const cached = pending.slot.cache.get(id);
  if (cached !== undefined || pending.slot.cache.has(id)) return cached;
  return pending.allInMemory ? undefined : pending.slot.writer.load(id);
}

/**
 * Keeps the written documents parsed, evicting the least recently written beyond `limit`; documents of a
 * `documentPerEvent` projection are never read again and are not kept.
 * @returns true when a document was evicted (or could not be kept).
 */
export function remember(slot: Slot, written: ReadonlyMap<string, unknown>, limit: number): boolean {
  if (slot.projection.documentPerEvent) return false;
  if (limit <= 0) return written.size > 0;
  for (const [id, doc] of written) {
    slot.cache.delete(id);
    slot.cache.set(id, doc);
  }
  let evicted = false;
  for (const id of slot.cache.keys()) {
    if (slot.cache.size <= limit) break;
    slot.cache.delete(id);
    evicted = true;
  }
  return evicted;
}

/** Writes the documents, then the checkpoint (call inside the transaction). */
export function saveInPlace(
  slot: Slot,
  docs: ReadonlyMap<string, unknown>,
  saveCheckpoint: (name: string, position: bigint) => void,
  position: bigint,
): void {
  slot.writer.saveAll(docs);
  saveCheckpoint(slot.projection.name, position);
}

/** The same writes, as SQL and parameters for the writer thread. */
export function writesOf(slot: Slot, docs: ReadonlyMap<string, unknown>, checkpoint: readonly unknown[]): TableWrites {
  const rows: unknown[] = [];
  const deletes: unknown[] = [];
  docs.forEach((doc, id) => {
    if (doc === undefined) deletes.push(slot.writer.keyValue(id));
    else slot.writer.appendRow(rows, id, doc);
  });
  const { upsertSql: upsert, arity, upsertManySql: upsertMany, rowsPerStatement, removeSql: remove } = slot.writer;
  return { upsert, arity, upsertMany, rowsPerStatement, rows, remove, deletes, checkpoint };
}

/** The parts of events these projections read, or undefined when one of them reads them whole. */
export function partsReadBy(slots: readonly Pick<Slot, 'projection'>[]): EventPart[] | undefined {
  const parts = new Set<EventPart>();
  for (const { projection } of slots) {
    if (!projection.reads) return undefined;
    projection.reads.forEach((part) => parts.add(part));
  }
  return [...parts].sort();
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

/** `evolveMany`; when it throws, the events are folded one by one with `evolve` to name the one that fails. */
export function evolveManyOrExplain(
  projection: Projection<unknown>,
  doc: unknown,
  events: readonly RecordedEvent[],
): unknown {
  try {
    return projection.evolveMany!(doc, events);
  } catch (error) {
    // evolveMany left `doc` as it was: the plain fold from it finds the failing event, if evolve fails too.
    events.reduce((folded, event) => evolveOrExplain(projection, folded, event), doc);
    throw new ProjectionFailedError(projection.name, events[0]!.position, events[0]!.type, error);
  }
}

export function evolveOrExplain(projection: Projection<unknown>, doc: unknown, event: RecordedEvent): unknown {
  try {
    return projection.evolve(doc, event);
  } catch (error) {
    throw new ProjectionFailedError(projection.name, event.position, event.type, error);
  }
}
