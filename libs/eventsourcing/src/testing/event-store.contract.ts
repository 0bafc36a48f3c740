import { randomUUID } from 'node:crypto';
import type { CommandContext, NewEvent, RecordedEvent } from '../event';
import {
  CorruptEventError,
  DuplicateEventIdError,
  EventTooLargeError,
  InvalidEventDataError,
  InvalidStreamNameError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../errors';
import {
  type AppendResult,
  MAX_EVENT_BYTES,
  type EventStore,
  type EventSubscription,
  type StreamCursor,
} from '../event-store.port';
import { eventHash, GENESIS_HASH, verifyHashChain } from '../hash-chain';

export interface EventStoreContractOptions {
  /**
   * True (default) when `makeStore` returns an empty store each time. Set false for a shared server (KurrentDB):
   * every test then only relies on its own, uniquely named streams and on positions it observed itself.
   */
  readonly freshStore?: boolean;
  /** True when the store offers `streamIds` and `readStreamsInOrder` (the embedded stores): the suite checks them. */
  readonly readsStreamsInOrder?: boolean;
  /** Closes the store and opens it again on the same storage; when given, the suite checks that nothing is lost. */
  readonly reopen?: (store: EventStore) => Promise<EventStore>;
  /** How long to wait for a live event before failing. Default 5000 ms. */
  readonly liveTimeoutMs?: number;
  /** True when the adapter returns the recorded events from an append (`AppendResult.recorded`): then it must. */
  readonly returnsRecorded?: boolean;
}

const context: CommandContext = {
  actor: { id: 'person-1', role: 'coordinator' },
  commandId: 'command-1',
  correlationId: 'correlation-1',
  causationId: 'cause-1',
};

/**
 * The behaviour every `EventStore` adapter must show, as one jest suite. Each adapter's spec calls it once:
 *
 *   describeEventStoreContract('SQLite', async () => SqliteEventStore.open({ path: tempFile() }));
 *
 * Tests only use streams they name themselves (unique per test), so the suite also runs against a shared server.
 */
export function describeEventStoreContract(
  adapterName: string,
  makeStore: () => Promise<EventStore>,
  options: EventStoreContractOptions = {},
): void {
  const liveTimeoutMs = options.liveTimeoutMs ?? 5000;

  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    const run = randomUUID().slice(0, 8);
    let counter = 0;
    /** A stream id no other test (or earlier run against a shared server) uses. */
    const streamOf = (kind = 'test') => `${kind}-${run}-${++counter}`;
    const event = (type: string, data: object = {}, id: string = randomUUID()): NewEvent => ({ id, type, data });
    const events = (count: number, type = 'Happened') => Array.from({ length: count }, (_, i) => event(type, { i }));
    const append = (
      streamId: string,
      batch: readonly NewEvent[],
      expectedRevision: Parameters<EventStore['appendToStream']>[2]['expectedRevision'] = 'any',
    ) => store.appendToStream(streamId, batch, { expectedRevision, context });
    const readAll = async (...args: Parameters<EventStore['readAll']>) => collect(store.readAll(...args));
    const lengthOf = async (streamId: string) => (await store.readStream(streamId).catch(() => [])).length;

    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('appending with an expected revision', () => {
      it('creates a stream with no_stream and returns the next expected revision and the last position', async () => {
        const stream = streamOf();
        const result = await append(stream, events(3), 'no_stream');
        const stored = await store.readStream(stream);
        expect(result.nextExpectedRevision).toBe(2n);
        expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(result.position).toBe(stored[2]!.position);
        expect(await store.headPosition()).toBe(result.position);
      });

      it('returns the recorded events, when it gives them, exactly as a read returns them', async () => {
        const stream = streamOf();
        await append(stream, events(2), 'no_stream');
        const result = await append(stream, [event('Named', { name: 'Ciney', tags: ['b', 'a'] }), event('Other')], 1n);
        if (options.returnsRecorded) expect(result.recorded).toBeDefined();
        if (result.recorded === undefined) return;
        expect(result.recorded).toEqual(await store.readStream(stream, { fromRevision: 2n }));
        expect(result.recorded.at(-1)!.position).toBe(result.position);
      });

      it('gives each of many appends started together its own outcome: a refused one undoes none of the others', async () => {
        const streams = Array.from({ length: 8 }, () => streamOf());
        await append(streams[0]!, events(1), 'no_stream');
        const outcomes = await Promise.allSettled([
          ...streams.slice(1).map((stream) => append(stream, events(2), 'no_stream')),
          append(streams[0]!, events(1), 'no_stream'),
          append(streams[0]!, events(1), 0n),
        ]);
        expect(outcomes.map((outcome) => outcome.status)).toEqual([
          ...Array(7).fill('fulfilled'),
          'rejected',
          'fulfilled',
        ]);
        expect((outcomes[7] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
        for (const stream of streams.slice(1)) expect(await lengthOf(stream)).toBe(2);
        expect(await lengthOf(streams[0]!)).toBe(2);
        const positions = outcomes.flatMap((outcome) =>
          outcome.status === 'fulfilled' ? [outcome.value.position] : [],
        );
        expect(new Set(positions).size).toBe(positions.length);
      });

      it('refuses no_stream on an existing stream, with what was expected and what was found', async () => {
        const stream = streamOf();
        await append(stream, events(2), 'no_stream');
        const error = await rejection(append(stream, events(1), 'no_stream'), WrongExpectedRevisionError);
        expect(error).toMatchObject({
          code: 'WRONG_EXPECTED_REVISION',
          streamId: stream,
          expected: 'no_stream',
          actual: 1n,
        });
        expect(await lengthOf(stream)).toBe(2);
      });

      it('accepts stream_exists only once the stream has an event', async () => {
        const stream = streamOf();
        const error = await rejection(append(stream, events(1), 'stream_exists'), WrongExpectedRevisionError);
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        await append(stream, events(1), 'no_stream');
        await expect(append(stream, events(1), 'stream_exists')).resolves.toMatchObject({ nextExpectedRevision: 1n });
      });

      it('accepts an exact revision and refuses a stale or future one', async () => {
        const stream = streamOf();
        await append(stream, events(2), 'no_stream');
        await expect(append(stream, events(1), 1n)).resolves.toMatchObject({ nextExpectedRevision: 2n });
        const stale = await rejection(append(stream, events(1), 1n), WrongExpectedRevisionError);
        expect(stale).toMatchObject({ expected: '1', actual: 2n });
        const future = await rejection(append(stream, events(1), 7n), WrongExpectedRevisionError);
        expect(future).toMatchObject({ expected: '7', actual: 2n });
        const missing = await rejection(append(streamOf(), events(1), 0n), WrongExpectedRevisionError);
        expect(missing).toMatchObject({ expected: '0', actual: 'no_stream' });
        expect(await lengthOf(stream)).toBe(3);
      });

      it('appends whatever the state with any', async () => {
        const stream = streamOf();
        await append(stream, events(1), 'any');
        await expect(append(stream, events(2), 'any')).resolves.toMatchObject({ nextExpectedRevision: 2n });
      });

      it('gives strictly increasing positions across streams, in append order', async () => {
        const [a, b] = [streamOf(), streamOf()];
        const first = await append(a, events(1));
        const second = await append(b, events(2));
        const third = await append(a, events(1));
        expect(first.position < second.position && second.position < third.position).toBe(true);
        const all = await readAll({ after: first.position - 1n, filter: { streamPrefixes: [a, b] } });
        expect(all.map((e) => [e.streamId, e.revision])).toEqual([
          [a, 0n],
          [b, 0n],
          [b, 1n],
          [a, 1n],
        ]);
      });

      if (options.freshStore !== false) {
        it('reports -1 as the head of an empty log', async () => {
          expect(await store.headPosition()).toBe(-1n);
          expect(await readAll()).toEqual([]);
        });
      }
    });

    describe('appending the same events again (idempotence)', () => {
      it('returns the first result and writes nothing, whatever the expected revision', async () => {
        const stream = streamOf();
        const batch = events(2);
        const first = await append(stream, batch, 'no_stream');
        await append(stream, events(1), 1n);
        const head = await store.headPosition();
        for (const expected of ['no_stream', 0n, 1n, 'any', 'stream_exists'] as const) {
          await expect(append(stream, batch, expected)).resolves.toEqual(revisionAndPosition(first));
        }
        await expect(append(stream, batch.slice(0, 1), 'no_stream')).resolves.toEqual({
          nextExpectedRevision: 0n,
          position: (await store.readStream(stream))[0]!.position,
        });
        expect(await lengthOf(stream)).toBe(3);
        expect(await store.headPosition()).toBe(head);
      });

      it('refuses an id reused with other content, in another stream, twice in a batch, or in a partly new batch', async () => {
        const stream = streamOf();
        const original = event('Happened', { n: 1 });
        await append(stream, [original], 'no_stream');
        const cases: NewEvent[][] = [
          [{ ...original, data: { n: 2 } }],
          [{ ...original, type: 'Other' }],
          [original, event('Happened')],
          [event('Happened'), original],
        ];
        for (const batch of cases) await rejection(append(stream, batch), DuplicateEventIdError);
        const elsewhere = streamOf();
        const error = await rejection(append(elsewhere, [original]), DuplicateEventIdError);
        expect(error).toMatchObject({ code: 'DUPLICATE_EVENT_ID', eventId: original.id });
        const twice = event('Happened');
        await rejection(append(streamOf(), [twice, twice]), DuplicateEventIdError);
        expect(await lengthOf(stream)).toBe(1);
        await expect(store.readStream(elsewhere)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('treats data with the same content in another key order as the same event', async () => {
        const stream = streamOf();
        const id = randomUUID();
        const first = await append(stream, [event('Happened', { a: 1, b: { c: 2, d: 3 } }, id)]);
        await expect(append(stream, [event('Happened', { b: { d: 3, c: 2 }, a: 1 }, id)])).resolves.toEqual(
          revisionAndPosition(first),
        );
      });
    });

    describe('metadata and hash chain', () => {
      it('records the command context, the time of the append and a hash chain that verifies', async () => {
        const stream = streamOf();
        const before = Date.now();
        const extra = { ...context, now: 'not recorded', actor: { ...context.actor, name: 'not recorded' } };
        await store.appendToStream(stream, events(2), { expectedRevision: 'no_stream', context: extra });
        await store.appendToStream(stream, events(3), {
          expectedRevision: 1n,
          context: { ...context, commandId: 'command-2' },
        });
        const after = Date.now();
        const stored = await store.readStream(stream);
        const { hash, recordedAt, ...recorded } = stored[0]!.metadata;
        expect(recorded).toEqual(context);
        expect(stored[4]!.metadata.commandId).toBe('command-2');
        expect(recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
        expect(Date.parse(recordedAt)).toBeGreaterThanOrEqual(before - 1000);
        expect(Date.parse(recordedAt)).toBeLessThanOrEqual(after + 1000);
        expect(hash).toBe(eventHash(GENESIS_HASH, stored[0]!));
        expect(verifyHashChain(stored)).toBe(stored[4]!.metadata.hash);
      });

      it('chains hashes so that altering any stored field is detected', async () => {
        const stream = streamOf();
        await append(stream, [event('Happened', { amount: 10 }), event('Happened', { amount: 20 })]);
        const stored = await store.readStream(stream);
        const tampered: RecordedEvent[] = [stored[0]!, { ...stored[1]!, data: { amount: 21 } }];
        expect(() => verifyHashChain(tampered)).toThrow(CorruptEventError);
        const reactor = {
          ...stored[0]!,
          metadata: { ...stored[0]!.metadata, actor: { id: 'someone-else', role: 'coordinator' } },
        };
        expect(() => verifyHashChain([reactor, stored[1]!])).toThrow(CorruptEventError);
      });

      it('gives back the data it was given', async () => {
        const stream = streamOf();
        const data = {
          text: 'Communes du Commerce Équitable — « Fair-ô-mètre » 🌍',
          numbers: [0, -1, 3.25, 1e21, Number.MAX_SAFE_INTEGER],
          flags: { yes: true, no: false, none: null },
          nested: { deeper: { list: [{ a: 1 }, [], {}] } },
          empty: '',
        };
        await append(stream, [event('Happened', data), event('Nothing')]);
        const stored = await store.readStream(stream);
        expect(stored[0]!.data).toEqual(data);
        expect(stored[1]!.data).toEqual({});
        expect(stored.map((e) => e.type)).toEqual(['Happened', 'Nothing']);
      });
    });

    describe('reading a stream', () => {
      let stream: string;
      const revisions = (list: RecordedEvent[]) => list.map((e) => Number(e.revision));
      beforeEach(async () => {
        stream = streamOf();
        await append(stream, events(6), 'no_stream');
      });

      it('fails with StreamNotFoundError when the stream has no event', async () => {
        const error = await rejection(store.readStream(streamOf('missing')), StreamNotFoundError);
        expect(error.code).toBe('STREAM_NOT_FOUND');
      });

      it('reads forwards, from and to a revision, at most maxCount', async () => {
        expect(revisions(await store.readStream(stream))).toEqual([0, 1, 2, 3, 4, 5]);
        expect(revisions(await store.readStream(stream, { fromRevision: 2n }))).toEqual([2, 3, 4, 5]);
        expect(revisions(await store.readStream(stream, { toRevision: 2n }))).toEqual([0, 1, 2]);
        expect(revisions(await store.readStream(stream, { fromRevision: 1n, toRevision: 4n, maxCount: 2 }))).toEqual([
          1, 2,
        ]);
        expect(revisions(await store.readStream(stream, { fromRevision: 4n, toRevision: 100n }))).toEqual([4, 5]);
        expect(revisions(await store.readStream(stream, { fromRevision: 6n }))).toEqual([]);
        expect(revisions(await store.readStream(stream, { maxCount: 0 }))).toEqual([]);
      });

      it('reads backwards, from the end or a revision down to another', async () => {
        const backwards = { direction: 'backwards' } as const;
        expect(revisions(await store.readStream(stream, backwards))).toEqual([5, 4, 3, 2, 1, 0]);
        expect(revisions(await store.readStream(stream, { ...backwards, maxCount: 1 }))).toEqual([5]);
        expect(revisions(await store.readStream(stream, { ...backwards, fromRevision: 3n }))).toEqual([3, 2, 1, 0]);
        expect(revisions(await store.readStream(stream, { ...backwards, toRevision: 4n }))).toEqual([5, 4]);
        expect(revisions(await store.readStream(stream, { ...backwards, fromRevision: 100n, toRevision: 3n }))).toEqual(
          [5, 4, 3],
        );
        expect(
          revisions(await store.readStream(stream, { ...backwards, fromRevision: 4n, toRevision: 1n, maxCount: 2 })),
        ).toEqual([4, 3]);
      });

      it('reads a stream to fold it: the same events as readStream, each with its type, data, revision and time', async () => {
        await append(stream, [event('Happened', { text: 'Équitable 🌍', list: [1, { a: null }] })], 5n);
        const backwards = { direction: 'backwards' } as const;
        const cases = [
          {},
          { fromRevision: 2n },
          { toRevision: 2n },
          { fromRevision: 1n, toRevision: 4n, maxCount: 2 },
          { fromRevision: 7n },
          { maxCount: 0 },
          backwards,
          { ...backwards, fromRevision: 4n, toRevision: 1n, maxCount: 2 },
          { ...backwards, fromRevision: 100n, toRevision: 3n },
        ];
        for (const options of cases) {
          const expected = (await store.readStream(stream, options)).map((e) => ({
            type: e.type,
            data: e.data,
            revision: e.revision,
            recordedAt: e.metadata.recordedAt,
          }));
          expect({ options, read: await store.readStreamToFold(stream, options) }).toEqual({ options, read: expected });
        }
        expect((await store.readStreamToFold(stream)).at(-1)!.data).toEqual({
          text: 'Équitable 🌍',
          list: [1, { a: null }],
        });
      });

      it('refuses to read a stream to fold it when the stream has no event or a forbidden name', async () => {
        await rejection(store.readStreamToFold(streamOf('missing')), StreamNotFoundError);
        await rejection(store.readStreamToFold('$all'), InvalidStreamNameError);
      });
    });

    describe('reading the whole log', () => {
      it('reads strictly after a position, in order, with a filter on stream prefixes and event types', async () => {
        const communes = streamOf('commune');
        const webinars = streamOf('webinar');
        const start = (await append(streamOf('other'), events(1))).position;
        await append(communes, [event('CandidacyOpened'), event('DossierSubmitted')]);
        await append(webinars, [event('WebinarScheduled')]);
        await append(communes, [event('DossierApproved')]);
        const after = { after: start };
        const mine = [communes, webinars];
        expect((await readAll({ ...after, filter: { streamPrefixes: mine } })).map((e) => e.type)).toEqual([
          'CandidacyOpened',
          'DossierSubmitted',
          'WebinarScheduled',
          'DossierApproved',
        ]);
        expect((await readAll({ ...after, filter: { streamPrefixes: [communes] } })).map((e) => e.type)).toEqual([
          'CandidacyOpened',
          'DossierSubmitted',
          'DossierApproved',
        ]);
        const types = { streamPrefixes: mine, eventTypes: ['DossierApproved', 'WebinarScheduled'] };
        expect((await readAll({ ...after, filter: types })).map((e) => e.type)).toEqual([
          'WebinarScheduled',
          'DossierApproved',
        ]);
        const firstTwo = await readAll({ ...after, filter: { streamPrefixes: mine }, maxCount: 2 });
        expect(firstTwo.map((e) => e.type)).toEqual(['CandidacyOpened', 'DossierSubmitted']);
        const rest = await readAll({ after: firstTwo[1]!.position, filter: { streamPrefixes: mine } });
        expect(rest.map((e) => e.type)).toEqual(['WebinarScheduled', 'DossierApproved']);
        const everything = await readAll({ after: start });
        expect(everything.map((e) => e.position)).toEqual([...everything.map((e) => e.position)].sort(compareBigints));
        expect(everything.every((e) => e.position > start)).toBe(true);
      });

      it('reads a log longer than one page without gap or repetition', async () => {
        const stream = streamOf('long');
        const start = (await append(stream, events(1))).position;
        for (let batch = 0; batch < 25; batch++) await append(stream, events(100));
        const read = await readAll({ after: start, filter: { streamPrefixes: [stream] } });
        expect(read.map((e) => Number(e.revision))).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
        expect(verifyHashChain(await store.readStream(stream))).toBe(read.at(-1)!.metadata.hash);
      });

      it('stops reading when the consumer stops', async () => {
        const stream = streamOf();
        const start = (await append(stream, events(1))).position;
        await append(stream, events(5));
        const seen: bigint[] = [];
        for await (const e of store.readAll({ after: start })) {
          seen.push(e.revision);
          if (seen.length === 2) break;
        }
        expect(seen).toEqual([1n, 2n]);
      });
    });

    describe('reading the log a batch at a time', () => {
      /** Every batch after `after` matching the filter, as the projector reads them. */
      const readBatches = async (after: bigint, options: Omit<Parameters<EventStore['readBatch']>[0], 'after'>) => {
        const read = [];
        for (let from = after; ;) {
          const batch = await store.readBatch({ ...options, after: from });
          read.push(...batch.events);
          if (batch.scannedTo <= from) return read;
          expect(batch.events.every((e) => e.position > from && e.position <= batch.scannedTo)).toBe(true);
          from = batch.scannedTo;
        }
      };

      it('gives the events readAll gives, in batches of at most maxCount, with or without a filter', async () => {
        const communes = streamOf('commune');
        const webinars = streamOf('webinar');
        const start = (await append(streamOf('other'), events(1))).position;
        await append(communes, [event('CandidacyOpened', { a: 1 }), event('DossierSubmitted')]);
        await append(webinars, [event('WebinarScheduled')]);
        await append(communes, [event('DossierApproved')]);
        const filter = { streamPrefixes: [communes] };
        const first = await store.readBatch({ after: start, maxCount: 2, filter });
        expect(first.events.map((e) => e.type)).toEqual(['CandidacyOpened', 'DossierSubmitted']);
        expect(first.scannedTo).toBe(first.events[1]!.position);
        expect(await readBatches(start, { maxCount: 2, filter })).toEqual(await readAll({ after: start, filter }));
        const mine = { streamPrefixes: [communes, webinars] };
        expect(await readBatches(start, { maxCount: 3, filter: mine })).toEqual(
          await readAll({ after: start, filter: mine }),
        );
      });

      it('reads only the parts asked for, each as readAll has it', async () => {
        const stream = streamOf();
        const start = (await append(stream, events(1))).position;
        await append(stream, [event('Happened', { x: 'é' }), event('Happened', { y: [1] })]);
        const whole = await readAll({ after: start, filter: { streamPrefixes: [stream] } });
        const filter = { streamPrefixes: [stream] };
        const some = await readBatches(start, { maxCount: 10, filter, parts: ['data', 'recordedAt', 'actor'] });
        expect(some.map((e) => [e.streamId, e.type, e.revision, e.position, e.data])).toEqual(
          whole.map((e) => [e.streamId, e.type, e.revision, e.position, e.data]),
        );
        expect(some.map((e) => [e.metadata.recordedAt, e.metadata.actor])).toEqual(
          whole.map((e) => [e.metadata.recordedAt, e.metadata.actor]),
        );
        const all = ['id', 'data', 'actor', 'recordedAt', 'context', 'hash'] as const;
        expect(await readBatches(start, { maxCount: 10, filter, parts: all })).toEqual(whole);
      });

      it('returns an empty batch at its own position at the end of the log', async () => {
        const { position } = await append(streamOf(), events(1));
        const head = await store.headPosition();
        const batch = await store.readBatch({ after: head, maxCount: 10 });
        expect(batch).toEqual({ events: [], scannedTo: head });
        expect(head).toBeGreaterThanOrEqual(position);
      });
    });

    describe('reading the latest events', () => {
      it('gives them newest first, before a position, at most maxCount, by stream prefix or for a few streams', async () => {
        const a = streamOf('commune');
        const b = streamOf('commune');
        const other = streamOf('webinar');
        await append(a, [event('CandidacyOpened'), event('DossierSubmitted')]);
        await append(other, [event('WebinarScheduled')]);
        await append(b, [event('CandidacyOpened')]);
        await append(a, [event('DossierApproved')]);
        const typesOf = (events: readonly RecordedEvent[]) => events.map((e) => `${e.streamId}:${e.type}`);
        const latest = await store.readLatest({ streamPrefixes: [a, b], maxCount: 10 });
        expect(typesOf(latest)).toEqual([
          `${a}:DossierApproved`,
          `${b}:CandidacyOpened`,
          `${a}:DossierSubmitted`,
          `${a}:CandidacyOpened`,
        ]);
        expect(latest.map((e) => e.position)).toEqual(
          [...latest.map((e) => e.position)].sort((x, y) => (x < y ? 1 : -1)),
        );
        expect(latest[0]).toEqual((await store.readStream(a, { direction: 'backwards', maxCount: 1 }))[0]);
        const page = await store.readLatest({ streamPrefixes: [a, b], maxCount: 2, before: latest[1]!.position });
        expect(page).toEqual(latest.slice(2, 4));
        expect(await store.readLatest({ streams: [b, a, b], maxCount: 3 })).toEqual(latest.slice(0, 3));
        expect(await store.readLatest({ streams: [a], maxCount: 10, before: latest[0]!.position })).toEqual(
          latest.slice(2),
        );
        expect(await store.readLatest({ streams: [streamOf('never')], maxCount: 10 })).toEqual([]);
        if (options.freshStore !== false)
          expect(typesOf(await store.readLatest({ maxCount: 1 }))).toEqual([`${a}:DossierApproved`]);
        expect(await store.readLatest({ streamPrefixes: [a], maxCount: 0 })).toEqual([]);
      });
    });

    describe('reading streams one after the other (stores that offer it)', () => {
      (options.readsStreamsInOrder ? it : it.skip)(
        'lists the ids of a prefix and reads a range stream by stream, each in revision order, up to a position',
        async () => {
          if (!store.streamIds || !store.readStreamsInOrder)
            throw new Error('readsStreamsInOrder is set: the store must offer both reads');
          const prefix = `${streamOf('fold')}-`;
          const [x, y, z] = [`${prefix}c`, `${prefix}a`, `${prefix}b`];
          await append(x, [event('One'), event('Two')]);
          await append(y, [event('One')]);
          const upTo = (await append(z, [event('One')])).position;
          await append(x, [event('Three')]);
          await append(`${prefix.slice(0, -1)}`, [event('NotInThePrefix')]);
          expect(await store.streamIds(prefix)).toEqual([y, z, x]);
          const readRange = async (options: { fromStream?: string; toStream?: string; upTo: bigint }) => {
            const read: RecordedEvent[] = [];
            for (let after: StreamCursor | undefined, first = true; first || after; first = false) {
              const batch = await store.readStreamsInOrder!({
                prefix,
                maxCount: 1,
                parts: ['data'],
                ...options,
                ...(after ? { after } : {}),
              });
              expect(batch.events.length).toBeLessThanOrEqual(1);
              read.push(...batch.events);
              after = batch.next;
            }
            return read.map((e) => `${e.streamId}:${e.type}:${e.revision}`);
          };
          expect(await readRange({ upTo })).toEqual([`${y}:One:0`, `${z}:One:0`, `${x}:One:0`, `${x}:Two:1`]);
          const head = await store.headPosition();
          expect(await readRange({ upTo: head, toStream: x })).toEqual([`${y}:One:0`, `${z}:One:0`]);
          expect(await readRange({ upTo: head, fromStream: x })).toEqual([`${x}:One:0`, `${x}:Two:1`, `${x}:Three:2`]);
          const whole = await store.readStream(x);
          const { events } = await store.readStreamsInOrder({
            prefix,
            fromStream: x,
            upTo: head,
            maxCount: 10,
            parts: ['data', 'recordedAt'],
          });
          expect(events.map((e) => [e.data, e.position, e.metadata.recordedAt])).toEqual(
            whole.map((e) => [e.data, e.position, e.metadata.recordedAt]),
          );
          expect(await store.readStreamsInOrder({ prefix, upTo: head, maxCount: 0 })).toEqual({ events: [] });
          expect(await store.readStreamsInOrder({ prefix: `${prefix}none-`, upTo: head, maxCount: 5 })).toEqual({
            events: [],
          });
        },
      );
    });

    describe('catch-up subscription', () => {
      it('delivers the history after the checkpoint, then live events, each once and in order, until closed', async () => {
        const stream = streamOf('sub');
        const checkpoint = (await append(stream, events(2))).position;
        await append(stream, events(3));
        const subscription = store.subscribeToAll({ after: checkpoint, filter: { streamPrefixes: [stream] } });
        const history = await take(subscription, 3, liveTimeoutMs);
        expect(history.map((e) => e.revision)).toEqual([2n, 3n, 4n]);
        const waiting = take(subscription, 4, liveTimeoutMs);
        await append(stream, events(1));
        await append(stream, events(3));
        expect((await waiting).map((e) => e.revision)).toEqual([5n, 6n, 7n, 8n]);
        await subscription.close();
        await expect(subscription[Symbol.asyncIterator]().next()).resolves.toMatchObject({ done: true });
      });

      it('resumes after a checkpoint without repeating what was processed', async () => {
        const stream = streamOf('sub');
        const start = (await append(stream, events(1))).position;
        await append(stream, events(4));
        const first = store.subscribeToAll({ after: start, filter: { streamPrefixes: [stream] } });
        const processed = await take(first, 2, liveTimeoutMs);
        await first.close();
        await append(stream, events(2));
        const second = store.subscribeToAll({ after: processed[1]!.position, filter: { streamPrefixes: [stream] } });
        try {
          expect((await take(second, 4, liveTimeoutMs)).map((e) => e.revision)).toEqual([3n, 4n, 5n, 6n]);
        } finally {
          await second.close();
        }
      });

      it('keeps global order and filters across streams, with appends racing the consumer', async () => {
        const [a, b, c] = [streamOf('race'), streamOf('race'), streamOf('skip')];
        const start = (await append(c, events(1))).position;
        const subscription = store.subscribeToAll({ after: start, filter: { streamPrefixes: [a, b] } });
        const received = take(subscription, 60, liveTimeoutMs);
        for (let i = 0; i < 20; i++) {
          await Promise.all([append(a, events(1)), append(b, events(1)), append(c, events(1))]);
          if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
          await append(i % 2 ? a : b, events(1));
        }
        const got = await received;
        await subscription.close();
        expect(got.map((e) => e.position)).toEqual([...got.map((e) => e.position)].sort(compareBigints));
        expect(new Set(got.map((e) => e.id)).size).toBe(60);
        expect(got.every((e) => e.streamId === a || e.streamId === b)).toBe(true);
        const expected = await readAll({ after: start, filter: { streamPrefixes: [a, b] } });
        expect(got.map((e) => e.id)).toEqual(expected.map((e) => e.id));
      });

      it('ends a pending read when closed, and when the consumer breaks out of the loop', async () => {
        const stream = streamOf('quiet');
        const subscription = store.subscribeToAll({
          after: await store.headPosition(),
          filter: { streamPrefixes: [stream] },
        });
        const pending = subscription[Symbol.asyncIterator]().next();
        await subscription.close();
        await expect(pending).resolves.toMatchObject({ done: true });

        await append(stream, events(2));
        const looping = store.subscribeToAll({ filter: { streamPrefixes: [stream] } });
        for await (const e of looping) {
          expect(e.revision).toBe(0n);
          break;
        }
        await expect(looping[Symbol.asyncIterator]().next()).resolves.toMatchObject({ done: true });
      });
    });

    describe('refusing bad input (nothing is written)', () => {
      it('refuses forbidden stream names, reserved $ names included', async () => {
        const names = ['', '$all', '$ce-commune', 'has space', 'a/b', '-leading', 'é', 'x'.repeat(201)];
        for (const name of names) {
          const error = await rejection(append(name, events(1)), InvalidStreamNameError);
          expect(error.code).toBe('INVALID_STREAM_NAME');
          await rejection(store.readStream(name), InvalidStreamNameError);
        }
        await expect(append(`Ok_1.2:3-${run}`, events(1))).resolves.toBeDefined();
      });

      it('refuses an event over the size limit, and the whole batch with it', async () => {
        const stream = streamOf();
        const big = event('Big', { text: 'x'.repeat(MAX_EVENT_BYTES) });
        const error = await rejection(append(stream, [event('Small'), big]), EventTooLargeError);
        expect(error).toMatchObject({ code: 'EVENT_TOO_LARGE', limit: MAX_EVENT_BYTES });
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        await expect(
          append(stream, [event('Fits', { text: 'x'.repeat(MAX_EVENT_BYTES - 2000) })]),
        ).resolves.toBeDefined();
      });

      it('refuses data JSON cannot hold faithfully, and the whole batch with it', async () => {
        const cycle: Record<string, unknown> = { a: 1 };
        cycle['self'] = cycle;
        const payloads: unknown[] = [
          { amount: 10n },
          { run: () => 1 },
          cycle,
          { ratio: Number.NaN },
          { ratio: Number.POSITIVE_INFINITY },
          { at: new Date() },
          { nested: [new Map()] },
          new Date(),
          [1, 2],
          null,
          'text',
          42,
          undefined,
        ];
        const stream = streamOf();
        for (const data of payloads) {
          const error = await rejection(
            append(stream, [event('Fine'), { id: randomUUID(), type: 'Bad', data: data as object }]),
            InvalidEventDataError,
          );
          expect(error.code).toBe('INVALID_EVENT_DATA');
        }
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('refuses bad event types and ids, an empty batch and an incomplete context', async () => {
        const stream = streamOf();
        const bad: NewEvent[][] = [
          [event('')],
          [event('has space')],
          [event('1Digit')],
          [{ id: '', type: 'Fine', data: {} }],
          [],
        ];
        for (const batch of bad) await rejection(append(stream, batch), InvalidEventDataError);
        const incomplete = [
          { ...context, commandId: '' },
          { ...context, actor: undefined },
          {},
        ] as unknown as CommandContext[];
        for (const partial of incomplete) {
          await rejection(
            store.appendToStream(stream, events(1), { expectedRevision: 'any', context: partial }),
            InvalidEventDataError,
          );
        }
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    if (options.reopen) {
      const reopen = options.reopen;
      describe('after a restart', () => {
        it('keeps every event, and continues revisions, positions and the hash chain', async () => {
          const stream = streamOf('durable');
          const batch = events(3);
          const first = await append(stream, batch, 'no_stream');
          store = await reopen(store);
          await expect(append(stream, batch, 'no_stream')).resolves.toEqual(revisionAndPosition(first));
          const second = await append(stream, events(2), 2n);
          expect(second.nextExpectedRevision).toBe(4n);
          expect(second.position).toBeGreaterThan(first.position);
          const stored = await store.readStream(stream);
          expect(verifyHashChain(stored)).toBe(stored[4]!.metadata.hash);
          expect(stored.slice(0, 3).map((e) => e.id)).toEqual(batch.map((e) => e.id));
        });
      });
    }
  });
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Takes `count` events from a subscription, failing after `timeoutMs` rather than hanging the suite. */
async function take(subscription: EventSubscription, count: number, timeoutMs: number): Promise<RecordedEvent[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  const items: RecordedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Got ${items.length} of ${count} events within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    while (items.length < count) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) break;
      items.push(next.value);
    }
    return items;
  } finally {
    clearTimeout(timer);
  }
}

async function rejection<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  let outcome: unknown;
  try {
    await promise;
  } catch (error) {
    outcome = error;
  }
  if (!(outcome instanceof type)) {
    throw new Error(`Expected ${type.name}, got ${outcome === undefined ? 'success' : String(outcome)}`);
  }
  return outcome;
}

function compareBigints(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a retried append returns: the first result without the recorded events (nothing was recorded this time). */
function revisionAndPosition({ nextExpectedRevision, position }: AppendResult): AppendResult {
  return { nextExpectedRevision, position };
}
