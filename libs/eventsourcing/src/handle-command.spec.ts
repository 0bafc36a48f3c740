import { InMemoryEventStore } from './adapters/memory/in-memory-event-store.adapter';
import type { Decider } from './decider';
import type { Command, CommandContext, DomainEvent, NewEvent } from './event';
import { DomainError, UnknownEventTypeError, WrongExpectedRevisionError } from './errors';
import { eventIdFor } from './event-id';
import type { AppendOptions, EventStore } from './event-store.port';
import { handleCommand } from './handle-command';
import { StreamStateCache } from './stream-state-cache';
import { RecordedCommands } from './recorded-commands';

type Tally = { status: 'closed' } | { status: 'open'; total: number };
type TallyCommand =
  | Command<'Open', object>
  | Command<'Add', { amount: number }>
  | Command<'AddTwice', { amount: number }>
  | Command<'Look', object>;
type TallyEvent = DomainEvent<'Opened', object> | DomainEvent<'Added', { amount: number }>;

const tally: Decider<Tally, TallyCommand, TallyEvent> = {
  initialState: () => ({ status: 'closed' }),
  decide: (command, state) => {
    if (command.type === 'Open') {
      if (state.status === 'open') throw new DomainError('ALREADY_OPEN', 'The tally is already open.');
      return [{ type: 'Opened', data: {} }];
    }
    if (command.type === 'Look') return [];
    if (state.status !== 'open') throw new DomainError('NOT_OPEN', 'Open the tally first.');
    const added = { type: 'Added' as const, data: { amount: command.data.amount } };
    return command.type === 'AddTwice' ? [added, added] : [added];
  },
  evolve: (state, event) =>
    event.type === 'Opened'
      ? { status: 'open', total: 0 }
      : state.status === 'open'
        ? { status: 'open', total: state.total + event.data.amount }
        : state,
  eventTypes: ['Opened', 'Added'],
};

const now = '2025-03-01T10:00:00.000Z';
const open: TallyCommand = { type: 'Open', data: {}, now };
const add = (amount: number): TallyCommand => ({ type: 'Add', data: { amount }, now });
const contextOf = (commandId: string): CommandContext => ({
  actor: { id: 'coordinator-1', role: 'coordinator' },
  commandId,
  correlationId: `correlation-${commandId}`,
  causationId: `cause-${commandId}`,
});
const stream = 'tally-1';

/**
 * A real in-memory store in front of which a "concurrent writer" appends one event just before each of the first
 * `conflicts` appends of the handler, as another process would between the handler's read and its write.
 */
class RacedStore extends InMemoryEventStore {
  appendCalls = 0;
  private racing = false;
  private conflicts = 0;

  /** Opens the stream undisturbed, then makes the next `conflicts` appends meet a concurrent writer. */
  static async opened(conflicts: number): Promise<RacedStore> {
    const store = new RacedStore();
    await store.appendToStream(stream, [{ id: 'o', type: 'Opened', data: {} }], {
      expectedRevision: 'no_stream',
      context: contextOf('o'),
    });
    store.conflicts = conflicts;
    store.appendCalls = 0;
    return store;
  }

  override async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions) {
    if (!this.racing) {
      this.appendCalls++;
      if (this.conflicts > 0) {
        this.conflicts--;
        this.racing = true;
        await super.appendToStream(
          streamId,
          [{ id: `race-${this.appendCalls}`, type: 'Added', data: { amount: 100 } }],
          {
            expectedRevision: 'any',
            context: contextOf(`racer-${this.appendCalls}`),
          },
        );
        this.racing = false;
      }
    }
    return super.appendToStream(streamId, events, options);
  }
}

async function openedStore(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  await handleCommand(store, stream, tally, open, { context: contextOf('open') });
  return store;
}

const lengthOf = async (store: EventStore) => (await store.readStream(stream)).length;

describe('handleCommand', () => {
  it('reads, decides, appends with the command context and returns the recorded events and the new state', async () => {
    const store = new InMemoryEventStore();
    const opened = await handleCommand(store, stream, tally, open, {
      context: contextOf('open'),
      expectedRevision: 'no_stream',
    });
    expect(opened).toMatchObject({ revision: 0n, alreadyHandled: false, state: { status: 'open', total: 0 } });

    const result = await handleCommand(
      store,
      stream,
      tally,
      { type: 'AddTwice', data: { amount: 5 }, now },
      {
        context: contextOf('add'),
        expectedRevision: 0n,
      },
    );
    expect(result.revision).toBe(2n);
    expect(result.state).toEqual({ status: 'open', total: 10 });
    expect(result.events.map((e) => [e.type, e.revision, e.id])).toEqual([
      ['Added', 1n, eventIdFor('add', 0)],
      ['Added', 2n, eventIdFor('add', 1)],
    ]);
    expect(result.events[1]!.metadata).toMatchObject(contextOf('add'));
    expect(result.position).toBe(result.events[1]!.position);
    expect(await lengthOf(store)).toBe(3);
  });

  it('refuses a stale expected revision before deciding', async () => {
    const store = await openedStore();
    await handleCommand(store, stream, tally, add(1), { context: contextOf('a1') });
    const decide = jest.fn(tally.decide);
    const error = await handleCommand(store, stream, { ...tally, decide }, add(2), {
      context: contextOf('a2'),
      expectedRevision: 0n,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ expected: '0', actual: 1n });
    expect(decide).not.toHaveBeenCalled();
    expect(await lengthOf(store)).toBe(2);
  });

  it('reports a concurrent write by default, without retrying', async () => {
    const store = await RacedStore.opened(1);
    const error = await handleCommand(store, stream, tally, add(1), { context: contextOf('a') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(store.appendCalls).toBe(1);
  });

  it('retries after a conflict when opted in, deciding again on the fresh state', async () => {
    const store = await RacedStore.opened(2);
    const result = await handleCommand(store, stream, tally, add(1), { context: contextOf('a'), retriesOnConflict: 2 });
    expect(store.appendCalls).toBe(3);
    expect(result.state).toEqual({ status: 'open', total: 201 });
    expect(result.revision).toBe(3n);
  });

  it('gives up after the retries allowed, and never retries more than ten times', async () => {
    const few = await RacedStore.opened(3);
    await expect(
      handleCommand(few, stream, tally, add(1), { context: contextOf('a'), retriesOnConflict: 2 }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(few.appendCalls).toBe(3);

    const endless = await RacedStore.opened(Number.POSITIVE_INFINITY);
    await expect(
      handleCommand(endless, stream, tally, add(1), { context: contextOf('a'), retriesOnConflict: 1000 }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(endless.appendCalls).toBe(11);
  });

  it('never retries when the caller gave an expected revision', async () => {
    const store = await RacedStore.opened(1);
    await expect(
      handleCommand(store, stream, tally, add(1), {
        context: contextOf('a'),
        expectedRevision: 0n,
        retriesOnConflict: 5,
      }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(store.appendCalls).toBe(1);
  });

  it('returns the first result and appends nothing for a command id already recorded', async () => {
    const store = await openedStore();
    const first = await handleCommand(store, stream, tally, add(3), { context: contextOf('add-3') });
    await handleCommand(store, stream, tally, add(4), { context: contextOf('add-4') });
    const again = await handleCommand(store, stream, tally, add(3), {
      context: contextOf('add-3'),
      expectedRevision: 1n,
    });
    expect(again.alreadyHandled).toBe(true);
    expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
    expect(again.position).toBe(first.position);
    expect(again.revision).toBe(2n);
    expect(again.state).toEqual({ status: 'open', total: 7 });
    expect(await lengthOf(store)).toBe(3);
  });

  it('refuses a stream holding an event type the decider does not know', async () => {
    const store = await openedStore();
    await store.appendToStream(stream, [{ id: 'x', type: 'FromTheFuture', data: {} }], {
      expectedRevision: 'any',
      context: contextOf('x'),
    });
    const error = await handleCommand(store, stream, tally, add(1), { context: contextOf('a') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnknownEventTypeError);
    expect(error).toMatchObject({
      code: 'UNKNOWN_EVENT_TYPE',
      streamId: stream,
      revision: 1n,
      eventType: 'FromTheFuture',
    });
  });

  it('appends nothing when the decision is empty', async () => {
    const fresh = new InMemoryEventStore();
    const look: TallyCommand = { type: 'Look', data: {}, now };
    await expect(handleCommand(fresh, stream, tally, look, { context: contextOf('look') })).resolves.toEqual({
      events: [],
      revision: -1n,
      position: -1n,
      state: { status: 'closed' },
      alreadyHandled: false,
    });
    expect(await fresh.headPosition()).toBe(-1n);

    const store = await openedStore();
    const result = await handleCommand(store, stream, tally, look, { context: contextOf('look') });
    expect(result).toMatchObject({ events: [], revision: 0n, position: 0n, alreadyHandled: false });
    expect(await lengthOf(store)).toBe(1);
  });

  it('lets a refusal through and appends nothing', async () => {
    const store = await openedStore();
    const error = await handleCommand(store, stream, tally, open, { context: contextOf('again') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'ALREADY_OPEN' });
    expect(await lengthOf(store)).toBe(1);
  });
});

/** A store where a twin of the handler's command (same command id, e.g. a retried request) lands just before its append. */
class TwinStore extends InMemoryEventStore {
  private twinDone = false;
  override async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions) {
    if (!this.twinDone && options.context.commandId === 'twin') {
      this.twinDone = true;
      // The twin decided a moment earlier or later: same event ids, not quite the same data.
      await super.appendToStream(
        streamId,
        events.map((event) => ({ ...event, data: { amount: 99 } })),
        options,
      );
    }
    return super.appendToStream(streamId, events, options);
  }
}

describe('handleCommand racing a twin of its own command', () => {
  it.each([
    ['without an expected revision', {}],
    ['with the expected revision the caller saw', { expectedRevision: 0n }],
  ])('returns the twin’s result %s instead of failing', async (_, expectation) => {
    const store = new TwinStore();
    await handleCommand(store, stream, tally, open, { context: contextOf('open') });
    const result = await handleCommand(store, stream, tally, add(1), { context: contextOf('twin'), ...expectation });
    expect(result.alreadyHandled).toBe(true);
    expect(result.events.map((e) => e.data)).toEqual([{ amount: 99 }]);
    expect(result.state).toEqual({ status: 'open', total: 99 });
    expect(await lengthOf(store)).toBe(2);
  });
});

describe('handleCommand with a stream state cache', () => {
  const ctx = (commandId: string): CommandContext => ({
    actor: { id: 'u', role: 'copil' },
    commandId,
    correlationId: commandId,
    causationId: commandId,
  });

  it('reads only the events after the cached revision, and still sees writes made behind its back', async () => {
    const store = new InMemoryEventStore();
    const cache = new StreamStateCache<Tally>();
    const reads: Array<bigint | undefined> = [];
    const spying: EventStore = Object.create(store, {
      readStream: {
        value: (id: string, o?: { fromRevision?: bigint }) => (reads.push(o?.fromRevision), store.readStream(id, o)),
      },
    });
    await handleCommand(spying, 'tally-1', tally, open, { context: ctx('c1'), cache });
    await handleCommand(spying, 'tally-1', tally, add(2), { context: ctx('c2'), cache });
    // Another writer appends without going through this cache.
    await handleCommand(store, 'tally-1', tally, add(5), { context: ctx('c3') });
    reads.length = 0;
    const result = await handleCommand(spying, 'tally-1', tally, add(1), { context: ctx('c4'), cache });
    expect(result.state).toEqual({ status: 'open', total: 8 });
    expect(reads[0]).toBe(2n);
  });

  it('recognises a repeated command id from the cache and returns its first events', async () => {
    const store = new InMemoryEventStore();
    const cache = new StreamStateCache<Tally>();
    await handleCommand(store, 'tally-2', tally, open, { context: ctx('o'), cache });
    const first = await handleCommand(
      store,
      'tally-2',
      tally,
      { type: 'AddTwice', data: { amount: 1 }, now },
      { context: ctx('twice'), cache },
    );
    const again = await handleCommand(
      store,
      'tally-2',
      tally,
      { type: 'AddTwice', data: { amount: 1 }, now },
      { context: ctx('twice'), cache },
    );
    expect(again.alreadyHandled).toBe(true);
    expect(again.events.map((e) => e.revision)).toEqual(first.events.map((e) => e.revision));
    expect(await store.readStream('tally-2')).toHaveLength(3);
  });

  it('evicts the least recently used stream beyond its capacity', async () => {
    const cache = new StreamStateCache<number>(2);
    const entry = (revision: bigint) => ({ revision, position: revision, state: 0, commands: new RecordedCommands() });
    cache.set('a', entry(0n));
    cache.set('b', entry(0n));
    cache.get('a');
    cache.set('c', entry(0n));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map(Boolean)).toEqual([true, false, true]);
    cache.set('a', entry(5n));
    cache.set('a', entry(3n));
    expect(cache.get('a')?.revision).toBe(5n);
  });
});
