import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../../event';
import { CorruptEventError } from '../../errors';
import type { AllFilter, EventPart, FoldableEvent } from '../../event-store.port';
import { parseStoredData } from '../shared/append-rules';

/** Columns read for an event, in the order `toRecordedEvent` expects them (statements run in raw/array mode). */
export const EVENT_COLUMNS =
  'position, stream_id, revision, event_id, type, data, actor_id, actor_role, command_id, correlation_id, causation_id, recorded_at, hash';

type EventRow = [
  number,
  string,
  number,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];

/** Turns a raw row into an event. @throws CorruptEventError when the stored data is not a JSON object. */
export function toRecordedEvent(row: unknown[]): RecordedEvent {
  const [
    position,
    streamId,
    revision,
    id,
    type,
    dataJson,
    actorId,
    actorRole,
    commandId,
    correlationId,
    causationId,
    recordedAt,
    hash,
  ] = row as EventRow;
  const data = parseStoredData(dataJson, (reason) => new CorruptEventError(streamId, BigInt(revision), reason));
  return {
    streamId,
    id,
    type,
    data,
    revision: BigInt(revision),
    position: BigInt(position),
    metadata: { actor: { id: actorId, role: actorRole }, commandId, correlationId, causationId, recordedAt, hash },
  };
}

/** Columns read to fold a stream, in the order `toFoldableEvent` expects them: a third of an event's columns. */
export const FOLD_COLUMNS = 'revision, type, data, recorded_at';

/** Turns a raw row of `FOLD_COLUMNS` into an event to fold. @throws CorruptEventError when the data is not a JSON object. */
export function toFoldableEvent(streamId: string, row: unknown[]): FoldableEvent {
  const [revision, type, dataJson, recordedAt] = row as [number, string, string, string];
  const data = parseStoredData(dataJson, (reason) => new CorruptEventError(streamId, BigInt(revision), reason));
  return { type, data, revision: BigInt(revision), recordedAt };
}

/** A filter as SQL: a condition with `?` placeholders, its parameters, and a key naming its shape for statement caching. */
export interface FilterSql {
  readonly where: string;
  readonly params: readonly (string | number)[];
  readonly shape: string;
}

/** Pushes the filter into the query so that skipped events are never parsed. An empty list matches nothing. */
export function filterSql(filter: AllFilter | undefined): FilterSql {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  const prefixes = filter?.streamPrefixes;
  const types = filter?.eventTypes;
  if (prefixes) {
    conditions.push(
      prefixes.length === 0 ? '0' : `(${prefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR ')})`,
    );
    prefixes.forEach((prefix) => params.push(prefix.length, prefix));
  }
  if (types) {
    conditions.push(types.length === 0 ? '0' : `type IN (${types.map(() => '?').join(', ')})`);
    params.push(...types);
  }
  return {
    where: conditions.length === 0 ? '' : ` AND ${conditions.join(' AND ')}`,
    params,
    shape: `${prefixes?.length ?? '-'}/${types?.length ?? '-'}`,
  };
}

/** Largest value SQLite integers and JS numbers both hold exactly; used to clamp bounds given as bigints. */
const MAX_BOUND = BigInt(Number.MAX_SAFE_INTEGER);

export function boundToNumber(value: bigint): number {
  if (value < -1n) return -1;
  return value > MAX_BOUND ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** Columns read for each part of an event a batch may leave out. */
const PART_COLUMNS: Readonly<Record<EventPart, readonly string[]>> = {
  id: ['event_id'],
  data: ['data'],
  actor: ['actor_id', 'actor_role'],
  recordedAt: ['recorded_at'],
  context: ['command_id', 'correlation_id', 'causation_id'],
  hash: ['hash'],
};

/** The columns a batch of these parts reads, and how a row of them becomes an event (absent parts undefined). */
export interface PartialRows {
  readonly columns: string;
  readonly toEvent: (row: unknown[]) => RecordedEvent;
}

/** `parts` undefined: every column, as `toRecordedEvent`. */
export function partialRowsOf(parts: readonly EventPart[] | undefined): PartialRows {
  if (parts === undefined) return { columns: EVENT_COLUMNS, toEvent: toRecordedEvent };
  const columns = ['position', 'stream_id', 'revision', 'type'];
  const at = (part: EventPart): number => {
    if (!parts.includes(part)) return -1;
    columns.push(...PART_COLUMNS[part]);
    return columns.length - PART_COLUMNS[part].length;
  };
  const [id, data, actor, recordedAt, context, hash] = (
    ['id', 'data', 'actor', 'recordedAt', 'context', 'hash'] as const
  ).map(at) as [number, number, number, number, number, number];
  const absent = undefined as never;
  const toEvent = (row: unknown[]): RecordedEvent => {
    const streamId = row[1] as string;
    const revision = row[2] as number;
    return {
      streamId,
      id: id < 0 ? absent : (row[id] as string),
      type: row[3] as string,
      data:
        data < 0
          ? absent
          : parseStoredData(row[data] as string, (reason) => new CorruptEventError(streamId, BigInt(revision), reason)),
      revision: BigInt(revision),
      position: BigInt(row[0] as number),
      metadata: {
        actor: actor < 0 ? absent : { id: row[actor] as string, role: row[actor + 1] as string },
        commandId: context < 0 ? absent : (row[context] as string),
        correlationId: context < 0 ? absent : (row[context + 1] as string),
        causationId: context < 0 ? absent : (row[context + 2] as string),
        recordedAt: recordedAt < 0 ? absent : (row[recordedAt] as string),
        hash: hash < 0 ? absent : (row[hash] as string),
      },
    };
  };
  return { columns: columns.join(', '), toEvent };
}

/** A statement reading the columns of some parts of events, with the function turning its rows into events. */
export type PartialReader = PartialRows & { readonly statement: Database.Statement };

/**
 * Statements reading only the columns of the parts asked for, prepared once per parts and query shape: `sqlOf`
 * gives the query for a list of columns (its rows are read as arrays).
 */
export class PartialReaders {
  private readonly readers = new Map<string, PartialReader>();

  constructor(
    private readonly db: Database.Database,
    private readonly sqlOf: (columns: string, shape: string) => string,
  ) {}

  get(parts: readonly EventPart[] | undefined, shape = ''): PartialReader {
    const key = `${parts?.join(',') ?? '*'}|${shape}`;
    let reader = this.readers.get(key);
    if (!reader) {
      const rows = partialRowsOf(parts);
      reader = { ...rows, statement: this.db.prepare(this.sqlOf(rows.columns, shape)).raw(true) };
      this.readers.set(key, reader);
    }
    return reader;
  }
}
