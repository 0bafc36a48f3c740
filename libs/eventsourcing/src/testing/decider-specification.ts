import type { Decider } from '../decider';
import { fold } from '../decider';
import type { Command, DomainEvent } from '../event';
import { DomainError } from '../errors';

/**
 * Given / When / Then for a pure decider:
 *
 *   const { given } = deciderSpecification(communeDecider);
 *   given(candidacyOpened).when(submitDossier).then(dossierSubmitted);
 *   given(...titled).when(submitDossier).thenThrows('NOT_A_CANDIDATE');
 *
 * `then` compares the decided events exactly (type and data, in order); `thenNothing` expects an idempotent no-op.
 */
export function deciderSpecification<State, C extends Command, E extends DomainEvent>(decider: Decider<State, C, E>) {
  return {
    given: (...history: E[]) => ({
      when: (command: C) => new Expectation(decider, history, command),
      /** The state after the history, for assertions on `evolve` itself. */
      state: (): State => fold(decider, history),
    }),
  };
}

class Expectation<State, C extends Command, E extends DomainEvent> {
  constructor(
    private readonly decider: Decider<State, C, E>,
    private readonly history: readonly E[],
    private readonly command: C,
  ) {}

  then(...expected: E[]): void {
    expect(this.run()).toEqual(expected);
  }

  /** Like `then`, for events whose data is only partly known (ids, computed figures…). */
  thenMatches(...expected: Array<{ type: E['type']; data?: Partial<E['data']> }>): void {
    const events = this.run();
    expect(events.map((e) => e.type)).toEqual(expected.map((e) => e.type));
    expected.forEach((e, i) => e.data && expect(events[i]!.data).toMatchObject(e.data as object));
  }

  thenNothing(): void {
    expect(this.run()).toEqual([]);
  }

  thenThrows(code: string, message?: string | RegExp): void {
    let thrown: unknown;
    try {
      this.run();
    } catch (error) {
      thrown = error;
    }
    if (!(thrown instanceof DomainError)) {
      throw new Error(`Expected a DomainError ${code}, got ${thrown === undefined ? 'no error' : String(thrown)}`);
    }
    expect(thrown.code).toBe(code);
    if (message !== undefined) expect(thrown.message).toMatch(message);
  }

  private run(): readonly E[] {
    const state = fold(this.decider, this.history);
    // Deciders must not mutate the state they are given: a frozen copy makes such a bug fail loudly.
    return this.decider.decide(this.command, deepFreeze(structuredClone(state)));
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
