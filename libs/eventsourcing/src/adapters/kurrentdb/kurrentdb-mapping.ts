import { createHash } from 'node:crypto';
import type {
  AppendStreamState,
  CurrentStreamState,
  Filter,
  JSONEventData,
  ReadPosition,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata, RecordedEvent } from '../../event';
import { CorruptEventError, StoreUnavailableError, WrongExpectedRevisionError } from '../../errors';
import type { AllFilter, ExpectedRevision } from '../../event-store.port';
import { eventHash, GENESIS_HASH } from '../../hash-chain';
import { metadataFor, type PreparedBatch } from '../shared/append-rules';

/*
 * Pure translations between the cdce port and KurrentDB's client types. Only types are imported from the client, so
 * this file (and its spec) never loads gRPC or the native bridge.
 */

/** Expected revision as KurrentDB's append option (the string constants of the client are these very strings). */
export function toAppendStreamState(expected: ExpectedRevision): AppendStreamState {
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  if (typeof expected === 'bigint' && expected >= 0n) return expected;
  // -1n is "the revision of a stream with no event", as the other adapters read it.
  if (expected === -1n) return 'no_stream';
  throw new TypeError(
    `expectedRevision must be 'any', 'no_stream', 'stream_exists' or a bigint ≥ -1, not ${String(expected)}`,
  );
}

/** KurrentDB's "wrong expected version" as the kernel's error, keeping what the caller expected. */
export function toWrongExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  actual: CurrentStreamState,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamId, String(expected), actual === 'no_stream' ? 'no_stream' : actual);
}

/**
 * Where to start reading `$all` to get the events strictly after `after`.
 * Our positions are KurrentDB commit positions; for events appended outside explicit transactions (the only kind the
 * gRPC API writes) the prepare position equals the commit position, so the pair is rebuilt from one number. The
 * server may include the event at that very position: callers drop positions ≤ `after`.
 */
export function toReadPosition(after: bigint | undefined): ReadPosition {
  if (after === undefined || after < 0n) return 'start';
  return { commit: after, prepare: after };
}

/**
 * True for KurrentDB's refusal to read `$all` from a position where no event starts (e.g. `position - 1n`, or a
 * checkpoint from another database). Only event positions are valid starts, so callers then read from the start
 * and skip what is not after the checkpoint: slower, but what the port promises for any bigint.
 */
export function isInvalidPositionError(error: unknown): boolean {
  return error instanceof Error && /invalid position/i.test(error.message);
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * KurrentDB only accepts UUIDs as event ids, while the port accepts any string of up to 100 characters.
 * Lower-case UUIDs (what `eventIdFor` produces) are used as they are; any other id is turned into a stable UUID
 * (version 8, from its sha-256) and the original id is kept in the metadata, so that retries still map to the same
 * KurrentDB id and reads give back the caller's id.
 */
export function toKurrentEventId(id: string): string {
  if (CANONICAL_UUID.test(id)) return id;
  const hex = createHash('sha256').update(`cdce-event-id\u0000${id}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The metadata JSON stored with an event: the kernel's metadata, plus the caller's id when KurrentDB's differs. */
export function encodeMetadata(metadata: EventMetadata, eventId: string): Record<string, unknown> {
  const stored: Record<string, unknown> = { ...metadata, actor: { ...metadata.actor } };
  if (toKurrentEventId(eventId) !== eventId) stored.eventId = eventId;
  return stored;
}

/** Where a stream ends: the revision and hash of its last event. */
export interface StreamEnd {
  readonly revision: bigint;
  readonly hash: string;
}

/**
 * A checked batch as KurrentDB events, each with its metadata and hash, chained to the stream's last event (or to
 * the genesis hash for a new stream) at the revisions the events will take if the stream is still at `last`.
 */
export function toEventData(batch: PreparedBatch, last: StreamEnd | undefined, recordedAt: string): JSONEventData[] {
  let hash = last?.hash ?? GENESIS_HASH;
  let revision = last ? last.revision + 1n : 0n;
  return batch.events.map((event) => {
    const metadata = metadataFor(batch.context, recordedAt, '');
    hash = eventHash(hash, {
      streamId: batch.streamId,
      revision,
      id: event.id,
      type: event.type,
      data: event.data,
      metadata,
    });
    revision += 1n;
    return {
      id: toKurrentEventId(event.id),
      contentType: 'application/json',
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata: encodeMetadata(metadataFor(batch.context, recordedAt, hash), event.id),
    };
  });
}

/** The subset of the client's recorded event this adapter reads (kept structural so that tests need no server). */
export interface KurrentRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position?: { readonly commit: bigint; readonly prepare: bigint } | undefined;
}

/**
 * A KurrentDB event as the kernel's RecordedEvent, with the namespace taken off its stream name.
 * @throws CorruptEventError when the data or metadata is not what cdce writes.
 * @throws StoreUnavailableError when the server does not report positions (KurrentDB/EventStoreDB older than 22.6).
 */
export function decodeEvent(raw: KurrentRecordedEvent, namespace: string, location: string): RecordedEvent {
  const streamId = raw.streamId.slice(namespace.length);
  const corrupt = (reason: string) => new CorruptEventError(streamId, raw.revision, reason);
  if (!raw.isJson || !isPlainObject(raw.data)) throw corrupt('its data is not a JSON object');
  const metadata = decodeMetadata(raw.metadata, corrupt);
  if (raw.position === undefined) {
    throw new StoreUnavailableError(
      location,
      'the server does not report event positions: KurrentDB 22.6 or later is needed',
    );
  }
  return {
    streamId,
    id: metadata.eventId ?? raw.id,
    type: raw.type,
    data: raw.data,
    revision: raw.revision,
    position: raw.position.commit,
    metadata: metadata.recorded,
  };
}

function decodeMetadata(
  value: unknown,
  corrupt: (reason: string) => CorruptEventError,
): { recorded: EventMetadata; eventId: string | undefined } {
  if (!isPlainObject(value)) throw corrupt('its metadata is not a JSON object');
  const m = value as Record<string, unknown>;
  const actor = isPlainObject(m.actor) ? (m.actor as Record<string, unknown>) : {};
  const fields = [actor.id, actor.role, m.commandId, m.correlationId, m.causationId, m.recordedAt, m.hash];
  if (!fields.every((field) => typeof field === 'string')) {
    throw corrupt('its metadata lacks the actor, command, correlation, causation, recordedAt or hash fields');
  }
  if (m.eventId !== undefined && typeof m.eventId !== 'string') throw corrupt('its metadata eventId is not a string');
  const context = {
    actor: { id: actor.id as string, role: actor.role as string },
    commandId: m.commandId as string,
    correlationId: m.correlationId as string,
    causationId: m.causationId as string,
  };
  return {
    recorded: metadataFor(context, m.recordedAt as string, m.hash as string),
    eventId: m.eventId as string | undefined,
  };
}

function isPlainObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** Events KurrentDB writes for itself in `$all` (stream metadata, statistics, projections, links): never cdce's. */
export function isSystemEvent(streamName: string, eventType: string): boolean {
  return streamName.startsWith('$') || eventType.startsWith('$');
}

/**
 * The server-side filter for a read or subscription of `$all`. KurrentDB filters on stream names or on event types,
 * not both, so stream prefixes win (they also carry the namespace) and the rest is checked again on the client.
 * Without any criterion, system events are filtered out on the server.
 */
export function toServerFilter(filter: AllFilter | undefined, namespace: string): Filter {
  const prefixes = filter?.streamPrefixes;
  if (prefixes && prefixes.length > 0) {
    return { filterOn: 'streamName', checkpointInterval: 1, prefixes: prefixes.map((prefix) => namespace + prefix) };
  }
  if (namespace !== '') return { filterOn: 'streamName', checkpointInterval: 1, prefixes: [namespace] };
  const types = filter?.eventTypes;
  if (types && types.length > 0) {
    return { filterOn: 'eventType', checkpointInterval: 1, regex: `^(?:${types.map(escapeRegex).join('|')})$` };
  }
  return { filterOn: 'eventType', checkpointInterval: 1, regex: '^[^$]' };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** The connection string without its user name and password, to name the store in error messages. */
export function redactConnectionString(connectionString: string): string {
  return connectionString.replace(/(:\/\/)[^@/?#]*@/, '$1***@');
}

const NAMESPACE = /^(?:[A-Za-z0-9][A-Za-z0-9_.:-]{0,49})?$/;

/** A namespace must itself be a valid start of a stream name, so that namespaced names never look like system streams. */
export function assertValidNamespace(namespace: string): void {
  if (!NAMESPACE.test(namespace)) {
    throw new TypeError(
      `Invalid KurrentDB namespace ${JSON.stringify(namespace)}: use at most 50 letters, digits, "-", "_", "." or ":", starting with a letter or digit`,
    );
  }
}
