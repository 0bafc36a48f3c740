import type { JSONEventData } from '@kurrent/kurrentdb-client';
import type { CommandContext } from '../../event';
import { eventIdFor } from '../../event-id';
import { CorruptEventError, StoreUnavailableError, WrongExpectedRevisionError } from '../../errors';
import { GENESIS_HASH, verifyHashChain } from '../../hash-chain';
import { prepareBatch } from '../shared/append-rules';
import {
  assertValidNamespace,
  decodeEvent,
  encodeMetadata,
  isSystemEvent,
  redactConnectionString,
  toAppendStreamState,
  toEventData,
  toKurrentEventId,
  toReadPosition,
  toServerFilter,
  toWrongExpectedRevision,
  type KurrentRecordedEvent,
} from './kurrentdb-mapping';

const context: CommandContext = {
  actor: { id: 'user-1', role: 'coordinator' },
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What KurrentDB would give back for events written at `firstRevision`… under `namespace`. */
function asStored(
  data: JSONEventData[],
  name: string,
  firstRevision: bigint,
  firstPosition: bigint,
): KurrentRecordedEvent[] {
  return data.map((event, i) => ({
    streamId: name,
    id: event.id,
    revision: firstRevision + BigInt(i),
    type: event.type,
    isJson: true,
    data: JSON.parse(JSON.stringify(event.data)),
    metadata: JSON.parse(JSON.stringify(event.metadata)),
    position: { commit: firstPosition + BigInt(i) * 100n, prepare: firstPosition + BigInt(i) * 100n },
  }));
}

describe('KurrentDB mapping', () => {
  describe('expected revisions', () => {
    it('passes the named states and revisions through as the client constants', () => {
      expect(toAppendStreamState('any')).toBe('any');
      expect(toAppendStreamState('no_stream')).toBe('no_stream');
      expect(toAppendStreamState('stream_exists')).toBe('stream_exists');
      expect(toAppendStreamState(0n)).toBe(0n);
      expect(toAppendStreamState(41n)).toBe(41n);
    });

    it('reads -1n as "no stream" and refuses anything else', () => {
      expect(toAppendStreamState(-1n)).toBe('no_stream');
      expect(() => toAppendStreamState(-2n)).toThrow(TypeError);
      expect(() => toAppendStreamState(3 as unknown as bigint)).toThrow(TypeError);
    });

    it('turns a conflict into WrongExpectedRevisionError with what was expected and what is there', () => {
      const atRevision = toWrongExpectedRevision('commune-1', 4n, 6n);
      expect(atRevision).toBeInstanceOf(WrongExpectedRevisionError);
      expect(atRevision).toMatchObject({
        code: 'WRONG_EXPECTED_REVISION',
        streamId: 'commune-1',
        expected: '4',
        actual: 6n,
      });
      expect(toWrongExpectedRevision('commune-1', 'stream_exists', 'no_stream')).toMatchObject({
        expected: 'stream_exists',
        actual: 'no_stream',
      });
    });
  });

  describe('positions', () => {
    it('reads from the start without a checkpoint, else from the commit position given', () => {
      expect(toReadPosition(undefined)).toBe('start');
      expect(toReadPosition(-1n)).toBe('start');
      expect(toReadPosition(0n)).toEqual({ commit: 0n, prepare: 0n });
      expect(toReadPosition(123456789012345678n)).toEqual({
        commit: 123456789012345678n,
        prepare: 123456789012345678n,
      });
    });
  });

  describe('event ids', () => {
    it('keeps lower-case UUIDs, such as those of eventIdFor', () => {
      const id = eventIdFor('cmd-1', 0);
      expect(toKurrentEventId(id)).toBe(id);
    });

    it('derives a stable UUID from any other id', () => {
      const derived = toKurrentEventId('evt-1');
      expect(derived).toMatch(UUID);
      expect(toKurrentEventId('evt-1')).toBe(derived);
      expect(toKurrentEventId('evt-2')).not.toBe(derived);
      const upper = eventIdFor('cmd-1', 0).toUpperCase();
      expect(toKurrentEventId(upper)).not.toBe(upper.toLowerCase());
    });
  });

  describe('metadata and events', () => {
    it('stores the caller id in the metadata only when KurrentDB cannot use it as is', () => {
      const metadata = { ...context, recordedAt: '2025-01-01T00:00:00.000Z', hash: 'h' };
      expect(encodeMetadata(metadata, eventIdFor('c', 0))).toEqual(metadata);
      expect(encodeMetadata(metadata, 'evt-1')).toEqual({ ...metadata, eventId: 'evt-1' });
    });

    it('gives back, after a round trip through the stored shape, the ids, data and metadata of a valid hash chain', () => {
      const first = prepareBatch(
        'commune-1',
        [{ id: 'evt-1', type: 'TitleRequested', data: { year: 2025, b: [1, { c: null }] } }],
        context,
      );
      const second = prepareBatch(
        'commune-1',
        [
          { id: eventIdFor('cmd-2', 0), type: 'CriterionMet', data: { criterion: 1 } },
          { id: 'evt-3', type: 'CriterionMet', data: { criterion: 2 } },
        ],
        { ...context, commandId: 'cmd-2' },
      );
      const firstData = toEventData(first, undefined, '2025-01-01T10:00:00.000Z');
      const firstStored = asStored(firstData, 'ns-commune-1', 0n, 1000n);
      const decodedFirst = firstStored.map((raw) => decodeEvent(raw, 'ns-', 'test'));
      const tip = { revision: 0n, hash: decodedFirst[0]!.metadata.hash };
      const secondData = toEventData(second, tip, '2025-01-01T11:00:00.000Z');
      const events = [
        ...decodedFirst,
        ...asStored(secondData, 'ns-commune-1', 1n, 2000n).map((raw) => decodeEvent(raw, 'ns-', 'test')),
      ];

      expect(firstData[0]!.id).toBe(toKurrentEventId('evt-1'));
      expect(secondData[0]!.id).toBe(eventIdFor('cmd-2', 0));
      expect(events.map((e) => [e.streamId, e.id, e.revision, e.position])).toEqual([
        ['commune-1', 'evt-1', 0n, 1000n],
        ['commune-1', eventIdFor('cmd-2', 0), 1n, 2000n],
        ['commune-1', 'evt-3', 2n, 2100n],
      ]);
      expect(events[0]!.data).toEqual({ year: 2025, b: [1, { c: null }] });
      expect(events[2]!.metadata).toEqual({
        actor: { id: 'user-1', role: 'coordinator' },
        commandId: 'cmd-2',
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        recordedAt: '2025-01-01T11:00:00.000Z',
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(verifyHashChain(events)).toBe(events[2]!.metadata.hash);
      expect(events[0]!.metadata.hash).not.toBe(GENESIS_HASH);
    });

    it('chains a batch to the previous hash: the same batch after another tip hashes differently', () => {
      const batch = prepareBatch('s-1', [{ id: 'e', type: 'Happened', data: {} }], context);
      const a = toEventData(batch, { revision: 3n, hash: 'a'.repeat(64) }, '2025-01-01T00:00:00.000Z');
      const b = toEventData(batch, { revision: 3n, hash: 'b'.repeat(64) }, '2025-01-01T00:00:00.000Z');
      expect((a[0]!.metadata as { hash: string }).hash).not.toBe((b[0]!.metadata as { hash: string }).hash);
    });

    it('reports data or metadata that cdce did not write as corrupt, naming the event', () => {
      const [good] = asStored(
        toEventData(
          prepareBatch('s-1', [{ id: 'e', type: 'Happened', data: {} }], context),
          undefined,
          '2025-01-01T00:00:00.000Z',
        ),
        's-1',
        7n,
        10n,
      );
      const corrupt = (raw: KurrentRecordedEvent) => () => decodeEvent(raw, '', 'test');
      expect(corrupt({ ...good!, isJson: false, data: new Uint8Array([1]) })).toThrow(CorruptEventError);
      expect(corrupt({ ...good!, data: [1, 2] })).toThrow(/data is not a JSON object/);
      expect(corrupt({ ...good!, data: 'not json' })).toThrow(CorruptEventError);
      expect(corrupt({ ...good!, metadata: undefined })).toThrow(/metadata is not a JSON object/);
      const { hash: _hash, ...withoutHash } = good!.metadata as Record<string, unknown>;
      expect(corrupt({ ...good!, metadata: withoutHash })).toThrow(/lacks/);
      expect(corrupt({ ...good!, metadata: withoutHash })).toThrow(
        expect.objectContaining({ streamId: 's-1', revision: 7n }),
      );
    });

    it('refuses servers that do not report positions', () => {
      const [good] = asStored(
        toEventData(
          prepareBatch('s-1', [{ id: 'e', type: 'Happened', data: {} }], context),
          undefined,
          '2025-01-01T00:00:00.000Z',
        ),
        's-1',
        0n,
        10n,
      );
      expect(() => decodeEvent({ ...good!, position: undefined }, '', 'test')).toThrow(StoreUnavailableError);
    });
  });

  describe('$all filters', () => {
    it('filters on stream prefixes, with the namespace in front', () => {
      expect(toServerFilter({ streamPrefixes: ['commune-', 'webinar-'] }, 'ns-')).toMatchObject({
        filterOn: 'streamName',
        prefixes: ['ns-commune-', 'ns-webinar-'],
      });
      expect(toServerFilter({ eventTypes: ['TitleAwarded'] }, 'ns-')).toMatchObject({
        filterOn: 'streamName',
        prefixes: ['ns-'],
      });
    });

    it('filters on exact event types when there is no namespace nor prefix', () => {
      const filter = toServerFilter({ eventTypes: ['Title.Awarded', 'a-b'] }, '');
      expect(filter).toMatchObject({ filterOn: 'eventType' });
      const regex = new RegExp((filter as { regex: string }).regex);
      expect(['Title.Awarded', 'a-b'].every((type) => regex.test(type))).toBe(true);
      expect(['TitleXAwarded', 'Title.Awarded2', 'xa-b'].some((type) => regex.test(type))).toBe(false);
    });

    it('leaves out system events when nothing else is asked', () => {
      const regex = new RegExp((toServerFilter(undefined, '') as { regex: string }).regex);
      expect(regex.test('TitleAwarded')).toBe(true);
      expect(regex.test('$metadata')).toBe(false);
      expect(isSystemEvent('$$commune-1', '$metadata')).toBe(true);
      expect(isSystemEvent('$ce-commune', 'TitleAwarded')).toBe(true);
      expect(isSystemEvent('commune-1', 'TitleAwarded')).toBe(false);
    });
  });

  it('hides credentials of a connection string', () => {
    expect(redactConnectionString('kurrentdb://admin:changeit@db:2113?tls=true')).toBe(
      'kurrentdb://***@db:2113?tls=true',
    );
    expect(redactConnectionString('kurrentdb://db:2113?tls=false')).toBe('kurrentdb://db:2113?tls=false');
  });

  it('accepts only namespaces that keep stream names valid', () => {
    expect(() => assertValidNamespace('')).not.toThrow();
    expect(() => assertValidNamespace('test-1a2b-')).not.toThrow();
    expect(() => assertValidNamespace('$x')).toThrow(TypeError);
    expect(() => assertValidNamespace('a b')).toThrow(TypeError);
  });
});
