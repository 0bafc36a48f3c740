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
  readonly state: Commune;
  readonly events: readonly RecordedEvent<CommuneEvent>[];
}

export interface ReadCommuneOptions {
  /** See the commune as it was at this revision (inclusive). */
  readonly revision?: bigint;
  /** See the commune as it was at this instant (events recorded at or before it). */
  readonly at?: Date;
}

/** Folds a commune's stream (or the part of it up to a revision or an instant). A commune never engaged is `not_engaged`. */
export async function readCommune(
  store: EventStore,
  nis: string,
  options: ReadCommuneOptions = {},
): Promise<CommuneAt> {
  let events: RecordedEvent<CommuneEvent>[];
  try {
    events = await store.readStream<CommuneEvent>(
      communeStreamId(nis),
      options.revision !== undefined ? { toRevision: options.revision } : {},
    );
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
    events = [];
  }
  if (options.at) {
    const limit = options.at.toISOString();
    events = events.filter((event) => event.metadata.recordedAt <= limit);
  }
  const known = new Set<string>(communeDecider.eventTypes);
  const unknown = events.find((event) => !known.has(event.type));
  if (unknown) throw new UnknownEventTypeError(unknown.streamId, unknown.revision, unknown.type);
  return {
    nis,
    revision: events.at(-1)?.revision ?? -1n,
    state: foldCommune(events as unknown as CommuneEvent[]),
    events,
  };
}
