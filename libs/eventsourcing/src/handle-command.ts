import type { Decider } from './decider';
import type { Command, CommandContext, DomainEvent, RecordedEvent } from './event';
import { eventIdFor } from './event-id';
import {
  DuplicateEventIdError,
  StreamNotFoundError,
  UnknownEventTypeError,
  WrongExpectedRevisionError,
} from './errors';
import type { EventStore, ExpectedRevision } from './event-store.port';
import { RecordedCommands } from './recorded-commands';
import type { CachedStream, StreamStateCache } from './stream-state-cache';

export interface HandleCommandOptions<State = unknown> {
  readonly context: CommandContext;
  /**
   * The revision the caller saw (e.g. from `If-Match`). When given, a concurrent write is reported to the caller
   * as `WrongExpectedRevisionError` and never retried: only the caller can tell whether its command still makes sense.
   */
  readonly expectedRevision?: ExpectedRevision;
  /**
   * When no expected revision is given, how many times to read again and decide again after a conflict.
   * Default 0: conflicts are reported. Opt in only for commands that stay valid whatever happened meanwhile.
   */
  readonly retriesOnConflict?: number;
  /** Folded states kept between commands: only events after the cached revision are read. */
  readonly cache?: StreamStateCache<State>;
}

export interface CommandResult<State, E extends DomainEvent> {
  /** The events recorded for this command (the earlier ones when the command had already been handled). */
  readonly events: readonly RecordedEvent<E>[];
  /** Stream revision after the command, or -1n when the stream still has no event. */
  readonly revision: bigint;
  /** Global position of the last event of this command (or of the stream when nothing was appended). */
  readonly position: bigint;
  readonly state: State;
  /** True when this command id had already been recorded on the stream: nothing was appended. */
  readonly alreadyHandled: boolean;
}

const MAX_RETRIES = 10;

/**
 * Read the stream → fold → decide → append with the expected revision.
 * A command whose `commandId` already appears in the stream's metadata returns its first result and appends nothing.
 */
export async function handleCommand<State, C extends Command, E extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, C, E>,
  command: C,
  options: HandleCommandOptions<State>,
): Promise<CommandResult<State, E>> {
  const retries = options.expectedRevision === undefined ? Math.min(options.retriesOnConflict ?? 0, MAX_RETRIES) : 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await attemptOnce(store, streamId, decider, command, options);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= retries) throw error;
    }
  }
}

async function attemptOnce<State, C extends Command, E extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, C, E>,
  command: C,
  { context, expectedRevision, cache }: HandleCommandOptions<State>,
): Promise<CommandResult<State, E>> {
  const current = await catchUp(store, streamId, decider, cache?.get(streamId));
  cache?.set(streamId, current);
  if (current.commands.find(context.commandId, current.revision)) {
    return firstResult(store, streamId, current, context.commandId);
  }
  if (typeof expectedRevision === 'bigint' && expectedRevision !== current.revision) {
    // Fail before deciding: the decision would be based on a state the caller has not seen.
    throw new WrongExpectedRevisionError(
      streamId,
      expectedRevision.toString(),
      current.revision >= 0n ? current.revision : 'no_stream',
    );
  }
  const decided = decider.decide(command, current.state);
  if (decided.length === 0) {
    return {
      events: [],
      revision: current.revision,
      position: current.position,
      state: current.state,
      alreadyHandled: false,
    };
  }
  const newEvents = decided.map((event, index) => ({
    id: eventIdFor(context.commandId, index),
    type: event.type,
    data: event.data,
  }));
  let result;
  try {
    result = await store.appendToStream(streamId, newEvents, {
      expectedRevision: expectedRevision ?? (current.revision >= 0n ? current.revision : 'no_stream'),
      context,
    });
  } catch (error) {
    // A twin of this command (a retried request still in flight) may have been recorded since the read: then its
    // result is this command's result, not a conflict or a duplicate id.
    if (!(error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError)) throw error;
    const latest = await catchUp(store, streamId, decider, current);
    cache?.set(streamId, latest);
    if (!latest.commands.find(context.commandId, latest.revision)) throw error;
    return firstResult(store, streamId, latest, context.commandId);
  }
  // Stores that return what they recorded spare a read; the others are read back.
  const appended =
    (result.recorded as readonly RecordedEvent<E>[] | undefined) ??
    (await store.readStream<E>(streamId, {
      fromRevision: current.revision + 1n,
      toRevision: result.nextExpectedRevision,
    }));
  const after = advance(current, appended, decider);
  cache?.set(streamId, after);
  return {
    events: appended,
    revision: result.nextExpectedRevision,
    position: result.position,
    state: after.state,
    alreadyHandled: false,
  };
}

/** What a command already recorded on the stream returned the first time. */
async function firstResult<State, E extends DomainEvent>(
  store: EventStore,
  streamId: string,
  current: CachedStream<State>,
  commandId: string,
): Promise<CommandResult<State, E>> {
  const { from, to } = current.commands.find(commandId, current.revision)!;
  const events = await store.readStream<E>(streamId, { fromRevision: from, toRevision: to });
  return {
    events,
    revision: current.revision,
    position: events.at(-1)!.position,
    state: current.state,
    alreadyHandled: true,
  };
}

/** The stream folded up to its last event, starting from what the cache knew (or from nothing). */
async function catchUp<State, C extends Command, E extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, C, E>,
  cached: CachedStream<State> | undefined,
): Promise<CachedStream<State>> {
  const start: CachedStream<State> = cached ?? {
    revision: -1n,
    position: -1n,
    state: decider.initialState(),
    commands: new RecordedCommands(),
  };
  const known = new Set<string>(decider.eventTypes);
  let events: RecordedEvent<E>[];
  try {
    events = await store.readStream<E>(streamId, { fromRevision: start.revision + 1n });
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
    events = [];
  }
  for (const event of events)
    if (!known.has(event.type)) throw new UnknownEventTypeError(streamId, event.revision, event.type);
  return advance(start, events, decider);
}

/** The fold after `events` (already known to the decider); the cached entry itself is never changed. */
function advance<State, C extends Command, E extends DomainEvent>(
  fold: CachedStream<State>,
  events: readonly RecordedEvent<E>[],
  decider: Decider<State, C, E>,
): CachedStream<State> {
  if (events.length === 0) return fold;
  let state = fold.state;
  for (const event of events) {
    fold.commands.record(event.metadata.commandId, event.revision);
    state = decider.evolve(state, event as unknown as E);
  }
  const last = events[events.length - 1]!;
  return { revision: last.revision, position: last.position, state, commands: fold.commands };
}
