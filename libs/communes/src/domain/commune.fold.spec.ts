import { fold } from '@cdce/eventsourcing';
import { communeDecider } from './commune.decider';
import type { CommuneEvent } from './commune.events';
import { foldCommune } from './commune.fold';
import type { Commune } from './commune.state';
import { FIXTURE_HISTORIES } from './testing/commune.fixtures';
import { eventOfType, randomFrom, randomStream } from './testing/random-commune-stream';

/*
 * `foldCommune` must give exactly what the plain fold gives (`fold(communeDecider, …)`, which every Given/When/Then
 * spec relies on), whatever the stream, and must never change what it was given nor what it returned before.
 */

const plainFold = (events: readonly CommuneEvent[], from: Commune = communeDecider.initialState()) =>
  fold(communeDecider, events, from);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

describe('foldCommune', () => {
  it.each(Object.entries(FIXTURE_HISTORIES))('gives the plain fold’s state after every prefix of %s', (_, history) => {
    for (let end = 0; end <= history.length; end++)
      expect(foldCommune(history.slice(0, end))).toEqual(plainFold(history.slice(0, end)));
  });

  it('gives the plain fold’s state for random streams that go through every status and every event type', () => {
    const statuses = new Set<string>();
    const types = new Set<string>();
    for (let seed = 1; seed <= 300; seed++) {
      const stream = randomStream(seed, 150);
      const state = foldCommune(stream);
      expect({ seed, state }).toEqual({ seed, state: plainFold(stream) });
      statuses.add(state.status);
      stream.forEach((event) => types.add(event.type));
    }
    expect(types.size).toBe(communeDecider.eventTypes.length);
    expect(statuses.size).toBeGreaterThanOrEqual(8);
  });

  it('folds from a given state as the plain fold does, without changing that state nor the events', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const stream = randomStream(seed, 120);
      const cut = seed % stream.length;
      // Frozen: growing any list of the given state or of the events in place would throw.
      const from = deepFreeze(plainFold(stream.slice(0, cut)));
      const rest = deepFreeze(stream.slice(cut));
      expect(foldCommune(rest, from)).toEqual(plainFold(rest, from));
    }
  });

  it('never changes a state it returned, when a later fold starts from it', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const stream = randomStream(seed, 120);
      const cut = seed % stream.length;
      const first = foldCommune(stream.slice(0, cut));
      const copy = structuredClone(first);
      const last = foldCommune(stream.slice(cut), first);
      expect(first).toEqual(copy);
      expect(last).toEqual(plainFold(stream));
    }
  });

  it('grows a long stream’s evidence in one pass, leaving the plain fold’s state', () => {
    const stream = randomStream(7, 20);
    const communications = Array.from({ length: 5000 }, (_, n) => ({
      type: 'CommunicationActionRecorded' as const,
      data: eventOfType.CommunicationActionRecorded(randomFrom(n), n),
    }));
    const state = foldCommune([...stream, ...communications]);
    expect(state).toEqual(plainFold([...stream, ...communications]));
  });
});
