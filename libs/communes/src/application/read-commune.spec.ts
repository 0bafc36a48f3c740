import {
  type CommandContext,
  type EventStore,
  fold,
  InMemoryEventStore,
  SqliteEventStore,
  UnknownEventTypeError,
} from '@cdce/eventsourcing';
import { communeDecider } from '../domain/commune.decider';
import type { CommuneEvent } from '../domain/commune.events';
import { candidate, NIS } from '../domain/testing/commune.fixtures';
import { readCommune, readCommuneHistory } from './read-commune';

const context: CommandContext = {
  actor: { id: 'person-1', role: 'copil' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};

/** A clock that moves one minute per append, so that `at` can cut the history between two events. */
function minuteClock() {
  let minute = 0;
  return () => new Date(Date.UTC(2024, 0, 1, 9, minute++));
}

const stores: [string, () => EventStore][] = [
  ['in memory', () => new InMemoryEventStore({ clock: minuteClock() })],
  ['SQLite', () => SqliteEventStore.open({ path: ':memory:', clock: minuteClock() })],
];

describe.each(stores)('readCommune and readCommuneHistory (%s store)', (_, makeStore) => {
  let store: EventStore;
  beforeEach(async () => {
    store = makeStore();
    for (const [n, event] of candidate.entries())
      await store.appendToStream(`commune-${NIS}`, [{ id: `event-${n}`, ...event }], {
        expectedRevision: 'any',
        context,
      });
  });
  afterEach(() => store.close());

  it('fold the whole stream; the history also gives the events, with their metadata', async () => {
    const commune = await readCommune(store, NIS);
    expect(commune).toEqual({
      nis: NIS,
      revision: BigInt(candidate.length - 1),
      recordedAt: `2024-01-01T09:${String(candidate.length - 1).padStart(2, '0')}:00.000Z`,
      state: fold(communeDecider, candidate),
    });
    const history = await readCommuneHistory(store, NIS);
    expect(history).toEqual({ ...commune, events: await store.readStream(`commune-${NIS}`) });
  });

  it('see the commune as it was at a revision or at an instant', async () => {
    const upToThird = candidate.slice(0, 3);
    const expected = {
      nis: NIS,
      revision: 2n,
      recordedAt: '2024-01-01T09:02:00.000Z',
      state: fold(communeDecider, upToThird),
    };
    expect(await readCommune(store, NIS, { revision: 2n })).toEqual(expected);
    expect(await readCommune(store, NIS, { at: new Date('2024-01-01T09:02:30.000Z') })).toEqual(expected);
    const history = await readCommuneHistory(store, NIS, { at: new Date('2024-01-01T09:02:30.000Z') });
    expect(history).toMatchObject(expected);
    expect(history.events.map((e) => e.type)).toEqual(upToThird.map((e) => e.type));
  });

  it('see a commune without a stream as never engaged', async () => {
    const expected = { nis: '25112', revision: -1n, recordedAt: null, state: communeDecider.initialState() };
    expect(await readCommune(store, '25112')).toEqual(expected);
    expect(await readCommuneHistory(store, '25112')).toEqual({ ...expected, events: [] });
  });

  it('refuse a stream holding an event the commune cannot fold', async () => {
    const alien = { id: 'alien', type: 'WebinarScheduled', data: {} } as unknown as CommuneEvent & { id: string };
    await store.appendToStream(`commune-${NIS}`, [alien], { expectedRevision: 'any', context });
    for (const read of [readCommune, readCommuneHistory])
      await expect(read(store, NIS)).rejects.toMatchObject(
        new UnknownEventTypeError(`commune-${NIS}`, BigInt(candidate.length), 'WebinarScheduled'),
      );
  });
});
