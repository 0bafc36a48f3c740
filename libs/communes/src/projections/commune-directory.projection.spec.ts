import type { RecordedEvent } from '@cdce/eventsourcing';
import type { CommuneEvent } from '../domain/commune.events';
import { FIXTURE_HISTORIES, titled } from '../domain/testing/commune.fixtures';
import { randomFrom, randomStream } from '../domain/testing/random-commune-stream';
import { communeDirectoryProjection as directory, type CommuneDirectoryDoc } from './commune-directory.projection';

/*
 * The projector folds a commune's events of a batch with `evolveMany`; `evolve` is the definition. The two must give
 * the same document, field for field and in the same JSON, however the stream is cut into runs, and `evolveMany`
 * must leave the document it starts from as it was (the projector may hold it in its cache).
 */

/** The events as the log records them, each at its own time so that the summary's dates tell them apart. */
function recorded(events: readonly CommuneEvent[]): RecordedEvent[] {
  return events.map((event, i) => ({
    ...event,
    streamId: 'commune-92094',
    id: `e-${i}`,
    revision: BigInt(i),
    position: BigInt(1000 + i * 3),
    metadata: {
      actor: { id: 'a', role: 'copil' },
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      recordedAt: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(),
      hash: 'h',
    },
  }));
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Folds the stream run by run with `evolveMany`, checking each document against `evolve` event by event. */
function expectRunsToFoldAsEvents(events: readonly RecordedEvent[], runLength: (index: number) => number): void {
  let byRuns: CommuneDirectoryDoc | undefined;
  let byEvents: CommuneDirectoryDoc | undefined;
  for (let start = 0, index = 0; start < events.length; index++) {
    const run = events.slice(start, start + Math.max(1, runLength(index)));
    start += run.length;
    // Frozen: changing the document it starts from, or anything in it, would throw.
    byRuns = directory.evolveMany!(deepFreeze(byRuns), run);
    byEvents = run.reduce((doc, event) => directory.evolve(doc, event), byEvents);
    expect(byRuns).toEqual(byEvents);
    expect(JSON.stringify(byRuns)).toBe(JSON.stringify(byEvents));
  }
}

describe('the commune directory folding a run of events at once', () => {
  it.each(Object.entries(FIXTURE_HISTORIES))(
    'gives what evolve gives event by event for the %s history, however it is cut',
    (_, history) => {
      const events = recorded(history);
      for (const length of [1, 2, 3, 7, events.length]) expectRunsToFoldAsEvents(events, () => length);
    },
  );

  it('gives what evolve gives event by event for random streams cut into random runs', () => {
    const statuses = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      const events = recorded(randomStream(seed, 150));
      const r = randomFrom(seed * 31);
      expectRunsToFoldAsEvents(events, () => 1 + Math.floor(r.next() * 25));
      statuses.add(events.reduce<CommuneDirectoryDoc | undefined>(directory.evolve, undefined)!.state.status);
    }
    expect(statuses.size).toBeGreaterThanOrEqual(8);
  });

  it('dates the first candidacy and the first title by the first such event of a run, once', () => {
    const events = recorded([...titled, ...titled]);
    const doc = directory.evolveMany!(undefined, events)!;
    const first = (type: string) => events.find((event) => event.type === type)!.metadata.recordedAt;
    expect(doc.summary.candidacyOpenedAt).toBe(first('CandidacyOpened'));
    expect(doc.summary.firstTitledAt).toBe(first('TitleAwarded'));
  });
});

describe('the commune directory, one document per commune stream', () => {
  it('gives every event of a commune stream that commune as its document, or none (a rebuild folds it stream by stream)', () => {
    expect(directory.documentPerStream).toBe(true);
    expect(directory.filter.streamPrefixes).toEqual(['commune-']);
    for (let seed = 1; seed <= 20; seed++) {
      const events = recorded(randomStream(seed, 60));
      const ids = new Set(events.map((event) => directory.documentIdOf(event)));
      ids.delete(undefined);
      expect([...ids]).toEqual(['92094']);
    }
    const foreign = { ...recorded([titled[0]!])[0]!, type: 'SomethingElse' };
    expect(directory.documentIdOf(foreign)).toBeUndefined();
  });
});
