import type { AllFilter, EventPart, RecordedEvent } from '@cdce/eventsourcing';

export type ColumnType = 'TEXT' | 'INTEGER' | 'REAL';
export type ColumnValue = string | number | null;

/**
 * A read model as a pure function of the log: each event updates at most one document, found by `documentIdOf`.
 * The projector owns the I/O: it batches events, writes the documents and the checkpoint in one transaction.
 */
export interface Projection<Doc> {
  /** Also the table name suffix: lowercase letters, digits and dashes. */
  readonly name: string;
  /** Bump when `evolve` or the columns change: the projector then rebuilds this read model from the log. */
  readonly version: number;
  /** Which events this projection reads; the projector skips the others before calling it. */
  readonly filter: AllFilter;
  /**
   * The parts of an event `documentIdOf` and `evolve` read besides its stream, type, revision and position, when not
   * all of them: a catch-up then reads only these from the log. Leave it out rather than guess: a part left out is
   * undefined in the events a catch-up gives (the specs comparing a rebuild with the live projector catch that).
   */
  readonly reads?: readonly EventPart[];
  /**
   * Where a worker thread finds this projection: the module exporting it (its `__filename`) and the export's name.
   * A long catch-up may then run it on another core, beside the other projections, with its own connections.
   */
  readonly source?: { readonly module: string; readonly exportName: string };
  /** The document an event updates, or undefined to ignore the event. */
  documentIdOf(event: RecordedEvent): string | undefined;
  /**
   * The table's key column, `id TEXT` by default. An INTEGER key (its `documentIdOf` gives whole numbers) is the
   * table's rowid: rows are stored in key order and need no separate key index.
   */
  readonly key?: { readonly column: string; readonly type: 'TEXT' | 'INTEGER' };
  /**
   * True when every event has a document of its own, never given by an earlier event (an event's id or position):
   * the projector then calls `evolve` with undefined without looking for a stored document, and keeps none in memory.
   */
  readonly documentPerEvent?: boolean;
  /**
   * True when each document is one stream's: `documentIdOf` gives all the events of a stream the same id (or
   * undefined), and no two streams share a document. With a filter naming stream prefixes, a rebuild from a store
   * that reads streams one after the other (`readStreamsInOrder`) then folds the log stream by stream, ranges of
   * streams on several threads at once, instead of keeping every document alive while it walks the log in order.
   */
  readonly documentPerStream?: boolean;
  /** The next document, or undefined to delete it. Pure: no clock, no I/O; never throws for an event it does not expect. */
  evolve(doc: Doc | undefined, event: RecordedEvent): Doc | undefined;
  /**
   * Optional, for speed: the document after all of `events` (in log order, at least one, each giving this document's
   * id), exactly what `evolve` applied to each in turn gives; `evolve` stays the definition, and a spec should check
   * the two agree. The projector calls it (unless `documentPerEvent`) with each document's events of a batch, so that
   * it can fold them in one go: grow lists in place, derive summaries once. It must not change `doc` nor anything
   * reachable from it (the projector may keep that document in its cache, or be writing it): only what it creates
   * itself is its own.
   */
  evolveMany?(doc: Doc | undefined, events: readonly RecordedEvent[]): Doc | undefined;
  /** Columns copied out of the document so that queries can filter, sort and aggregate with indexes. */
  readonly columns?: {
    readonly [name: string]: { readonly type: ColumnType; readonly value: (doc: Doc) => ColumnValue };
  };
  /** Indexes on those columns, each a list of column names. */
  readonly indexes?: readonly (readonly string[])[];
  /**
   * For a document whose every field is a column: the SQL expression over the columns that gives it back (a virtual
   * `doc` column), instead of storing it as JSON beside them. Readers see the same `doc`; each write is smaller and
   * needs no JSON text. A spec should check that a written document reads back equal.
   */
  readonly documentSql?: string;
}

/** True when the event passes the projection's filter. */
export function accepts(filter: AllFilter, event: RecordedEvent): boolean {
  return acceptorOf(filter)(event);
}

/** The filter as a predicate, built once for the many events a projector tests against it. */
export function acceptorOf(filter: AllFilter): (event: RecordedEvent) => boolean {
  const types = filter.eventTypes && new Set(filter.eventTypes);
  const prefixes = filter.streamPrefixes;
  return (event) => {
    if (types && !types.has(event.type)) return false;
    if (!prefixes) return true;
    for (const prefix of prefixes) if (event.streamId.startsWith(prefix)) return true;
    return false;
  };
}
