import { canonicalJson } from '../../canonical-json';
import type { CommandContext, EventMetadata, NewEvent, RecordedEvent } from '../../event';
import { DuplicateEventIdError, InvalidEventDataError, WrongExpectedRevisionError } from '../../errors';
import type { AllFilter, AppendResult, ExpectedRevision } from '../../event-store.port';
import { assertValidStreamName, serialiseEventData } from '../../validation';

/*
 * Rules every adapter that stores events itself (memory, SQLite) applies the same way, so that both behave
 * identically under the contract suite. Pure functions: no I/O.
 */

/** An event checked and serialised, ready to be given a revision, a position and a hash. */
export interface PreparedEvent {
  readonly id: string;
  readonly type: string;
  readonly data: object;
  /** Canonical JSON of `data`: what is stored, and what idempotent retries are compared with. */
  readonly dataJson: string;
}

export interface PreparedBatch {
  readonly streamId: string;
  readonly events: readonly PreparedEvent[];
  /** The caller's context reduced to the documented fields (anything else is not recorded). */
  readonly context: CommandContext;
}

/** Room taken in the size limit by `recordedAt` and `hash` (with their keys and quotes), which are not known yet. */
const STORE_METADATA_BYTES = 140;

/**
 * Validates a batch before any storage is touched: stream name, context, each event's type, id, data and size,
 * and the uniqueness of ids inside the batch.
 */
export function prepareBatch(streamId: string, events: readonly NewEvent[], context: CommandContext): PreparedBatch {
  assertValidStreamName(streamId);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidEventDataError('(batch)', 'a batch must hold at least one event');
  }
  const recordedContext = normaliseContext(context, String(events[0]?.type));
  const metadataBytes = Buffer.byteLength(canonicalJson(recordedContext)) + STORE_METADATA_BYTES;
  const seen = new Set<string>();
  const prepared = events.map((event) => {
    const dataJson = serialiseEventData(event, metadataBytes);
    if (seen.has(event.id)) throw new DuplicateEventIdError(event.id, 'it appears twice in the same batch');
    seen.add(event.id);
    return { id: event.id, type: event.type, data: event.data, dataJson };
  });
  return { streamId, events: prepared, context: recordedContext };
}

function normaliseContext(context: CommandContext, eventType: string): CommandContext {
  const fields = [
    context?.actor?.id,
    context?.actor?.role,
    context?.commandId,
    context?.correlationId,
    context?.causationId,
  ];
  if (!fields.every((field) => typeof field === 'string' && field.length > 0 && field.length <= 200)) {
    throw new InvalidEventDataError(
      eventType,
      'the context needs actor.id, actor.role, commandId, correlationId and causationId as non-empty strings (≤ 200 characters)',
    );
  }
  const { actor, commandId, correlationId, causationId } = context;
  return { actor: { id: actor.id, role: actor.role }, commandId, correlationId, causationId };
}

/** The metadata recorded with an event, always built with the same keys so that every adapter hashes alike. */
export function metadataFor(context: CommandContext, recordedAt: string, hash: string): EventMetadata {
  const { actor, commandId, correlationId, causationId } = context;
  return { actor: { id: actor.id, role: actor.role }, commandId, correlationId, causationId, recordedAt, hash };
}

/**
 * Checks the stream's current revision (`undefined` when it has no event) against what the caller expected.
 * @throws WrongExpectedRevisionError carrying both.
 */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: bigint | undefined): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && expected === (current ?? -1n));
  if (ok) return;
  if (typeof expected !== 'bigint' && expected !== 'no_stream' && expected !== 'stream_exists') {
    throw new TypeError(
      `expectedRevision must be 'any', 'no_stream', 'stream_exists' or a bigint, not ${String(expected)}`,
    );
  }
  throw new WrongExpectedRevisionError(streamId, String(expected), current ?? 'no_stream');
}

/** What a store knows about an event id already written. */
export interface StoredEventSummary {
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly type: string;
  readonly dataJson: string;
}

/**
 * Decides what to do with a batch given the stored events that carry its ids (one entry per event, `undefined`
 * when the id is new):
 * - every id new → `undefined`: append normally;
 * - the very same batch already stored, in order, in this stream → its first result (the retry is a no-op);
 * - anything else → DuplicateEventIdError.
 */
export function resolveRetry(
  batch: PreparedBatch,
  stored: readonly (StoredEventSummary | undefined)[],
): AppendResult | undefined {
  if (stored.every((event) => event === undefined)) return undefined;
  const first = stored[0];
  batch.events.forEach((event, index) => {
    const previous = stored[index];
    if (previous === undefined) {
      throw new DuplicateEventIdError(
        event.id,
        'the batch was partly written before: retry it exactly as it was first sent',
      );
    }
    if (previous.streamId !== batch.streamId) {
      throw new DuplicateEventIdError(event.id, `it belongs to an event of stream ${previous.streamId}`);
    }
    if (previous.type !== event.type || previous.dataJson !== event.dataJson) {
      throw new DuplicateEventIdError(
        event.id,
        `it was recorded at ${previous.streamId}@${previous.revision} with other content`,
      );
    }
    if (first === undefined || previous.revision !== first.revision + BigInt(index)) {
      throw new DuplicateEventIdError(event.id, 'the batch does not match the order in which it was first written');
    }
  });
  const last = stored[stored.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position };
}

/** True when an event passes the filter (used where the filter is not pushed down into a query). */
export function matchesFilter(event: Pick<RecordedEvent, 'streamId' | 'type'>, filter: AllFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix))) return false;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  return true;
}

/** Parses stored event data. @throws CorruptEventError-compatible information through `onCorrupt`. */
export function parseStoredData(json: string, onCorrupt: (reason: string) => Error): object {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw onCorrupt(`its data is not valid JSON (${(error as Error).message})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    throw onCorrupt('its data is not a JSON object');
  return data;
}
