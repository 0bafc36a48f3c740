import { type EventStore, type RecordedEvent, StreamNotFoundError, UnknownEventTypeError } from '@cdce/eventsourcing';
import { communeDecider } from '../domain/commune.decider';
import type { CommuneEvent } from '../domain/commune.events';
import { foldCommune } from '../domain/commune.fold';
import type { Commune } from '../domain/commune.state';
import { communeStreamId } from '../domain/nis';

export interface CommuneAt {
  readonly nis: string;
  /** -1n when nothing was ever recorded for the commune. */
  readonly revision: bigint;
  /** When the last event folded was recorded; null when nothing was ever recorded for the commune. */
  readonly recordedAt: string | null;
  readonly state: Commune;
}

/** The commune and the events it was folded from, with their metadata (ids, actor, hash). */
export interface CommuneHistory extends CommuneAt {
  readonly events: readonly RecordedEvent<CommuneEvent>[];
}

export interface ReadCommuneOptions {
  /** See the commune as it was at this revision (inclusive). */
  readonly revision?: bigint;
  /** See the commune as it was at this instant (events recorded at or before it). */
  readonly at?: Date;
}

/**
 * Folds a commune's stream (or the part of it up to a revision or an instant). A commune never engaged is
 * `not_engaged`. Reads only what the fold needs of each event: {@link readCommuneHistory} gives the events too.
 */
export async function readCommune(
  store: EventStore,
  nis: string,
  options: ReadCommuneOptions = {},
): Promise<CommuneAt> {
  const streamId = communeStreamId(nis);
  const read = await orNothing(store.readStreamToFold<CommuneEvent>(streamId, readOptions(options)));
  const events = upTo(read, (event) => event.recordedAt, options);
  assertFoldable(streamId, events);
  const last = events.at(-1);
  return { nis, revision: last?.revision ?? -1n, recordedAt: last?.recordedAt ?? null, state: foldCommune(events) };
}

/** {@link readCommune}, with the events folded and their metadata: to show the history or check its hash chain. */
export async function readCommuneHistory(
  store: EventStore,
  nis: string,
  options: ReadCommuneOptions = {},
): Promise<CommuneHistory> {
  const streamId = communeStreamId(nis);
  const read = await orNothing(store.readStream<CommuneEvent>(streamId, readOptions(options)));
  const events = upTo(read, (event) => event.metadata.recordedAt, options);
  assertFoldable(streamId, events);
  const last = events.at(-1);
  return {
    nis,
    revision: last?.revision ?? -1n,
    recordedAt: last?.metadata.recordedAt ?? null,
    state: foldCommune(events as unknown as CommuneEvent[]),
    events,
  };
}

const readOptions = (options: ReadCommuneOptions) =>
  options.revision !== undefined ? { toRevision: options.revision } : {};

/** The stream's events, or none when the stream does not exist. */
async function orNothing<T>(reading: Promise<T[]>): Promise<T[]> {
  try {
    return await reading;
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
    return [];
  }
}

function upTo<T>(events: T[], recordedAtOf: (event: T) => string, { at }: ReadCommuneOptions): T[] {
  if (!at) return events;
  const limit = at.toISOString();
  return events.filter((event) => recordedAtOf(event) <= limit);
}

/** @throws UnknownEventTypeError when the stream holds an event the commune cannot fold. */
function assertFoldable(streamId: string, events: readonly { type: string; revision: bigint }[]): void {
  const known = new Set<string>(communeDecider.eventTypes);
  const unknown = events.find((event) => !known.has(event.type));
  if (unknown) throw new UnknownEventTypeError(streamId, unknown.revision, unknown.type);
}
