import type { Command, DomainEvent } from './event';

/**
 * A pure decision model: the whole behaviour of one stream.
 * - `decide` turns a command and the current state into the events to record, or throws a `DomainError`;
 *   returning no event means "already done" (an idempotent no-op).
 * - `evolve` folds an event into the state; it never throws and ignores what does not apply.
 * Neither reads the clock, the disk or the network.
 */
export interface Decider<State, C extends Command, E extends DomainEvent> {
  initialState(): State;
  decide(command: C, state: State): readonly E[];
  evolve(state: State, event: E): State;
  /** Every event type this decider can fold; reading any other type is an error, not a silent skip. */
  readonly eventTypes: readonly E['type'][];
}

/** Folds events into a state, starting from the decider's initial state. */
export function fold<State, C extends Command, E extends DomainEvent>(
  decider: Decider<State, C, E>,
  events: Iterable<E>,
  from: State = decider.initialState(),
): State {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** Exhaustiveness check for `switch` on a union's `type`. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
