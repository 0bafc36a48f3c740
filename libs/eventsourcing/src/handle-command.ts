import type { Decider } from './decider';
import type { Command, CommandContext, DomainEvent, RecordedEvent } from './event';
import { eventIdFor } from './event-id';
import { StreamNotFoundError, UnknownEventTypeError, WrongExpectedRevisionError } from './errors';
import type { EventStore, ExpectedRevision } from './event-store.port';

export interface HandleCommandOptions {
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
  options: HandleCommandOptions,
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
  { context, expectedRevision }: HandleCommandOptions,
): Promise<CommandResult<State, E>> {
  const history = await readStreamOrEmpty<E>(store, streamId);
  const known = new Set<string>(decider.eventTypes);
  let state = decider.initialState();
  const earlier: RecordedEvent<E>[] = [];
  for (const event of history) {
    if (!known.has(event.type)) throw new UnknownEventTypeError(streamId, event.revision, event.type);
    state = decider.evolve(state, event as unknown as E);
    if (event.metadata.commandId === context.commandId) earlier.push(event);
  }
  const current = history.at(-1);
  const currentRevision = current?.revision ?? -1n;
  if (earlier.length > 0) {
    return { events: earlier, revision: currentRevision, position: earlier.at(-1)!.position, state, alreadyHandled: true };
  }
  if (typeof expectedRevision === 'bigint' && expectedRevision !== currentRevision) {
    // Fail before deciding: the decision would be based on a state the caller has not seen.
    throw new WrongExpectedRevisionError(streamId, expectedRevision.toString(), current ? currentRevision : 'no_stream');
  }
  const decided = decider.decide(command, state);
  if (decided.length === 0) {
    return { events: [], revision: currentRevision, position: current?.position ?? -1n, state, alreadyHandled: false };
  }
  const newEvents = decided.map((event, index) => ({ id: eventIdFor(context.commandId, index), type: event.type, data: event.data }));
  const result = await store.appendToStream(streamId, newEvents, {
    expectedRevision: expectedRevision ?? (current ? currentRevision : 'no_stream'),
    context,
  });
  const appended = await store.readStream<E>(streamId, { fromRevision: currentRevision + 1n, toRevision: result.nextExpectedRevision });
  return {
    events: appended,
    revision: result.nextExpectedRevision,
    position: result.position,
    state: decided.reduce((s, e) => decider.evolve(s, e), state),
    alreadyHandled: false,
  };
}

async function readStreamOrEmpty<E extends DomainEvent>(store: EventStore, streamId: string): Promise<RecordedEvent<E>[]> {
  try {
    return await store.readStream<E>(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
