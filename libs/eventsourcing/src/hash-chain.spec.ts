import type { RecordedEvent } from './event';
import { CorruptEventError } from './errors';
import { eventHash, GENESIS_HASH, verifyHashChain } from './hash-chain';

const metadata = {
  actor: { id: 'person-1', role: 'coordinator' },
  commandId: 'c-1',
  correlationId: 'c-1',
  causationId: 'c-1',
  recordedAt: '2025-01-15T09:30:00.000Z',
};

/** Builds a stream whose hashes chain correctly, as a store would. */
function chain(datas: object[], streamId = 'commune-92094'): RecordedEvent[] {
  let previous = GENESIS_HASH;
  return datas.map((data, index) => {
    const content = { streamId, revision: BigInt(index), id: `e-${index}`, type: 'Happened', data, metadata };
    previous = eventHash(previous, content);
    return { ...content, position: BigInt(100 + index * 3), metadata: { ...metadata, hash: previous } };
  });
}

function corruption(events: RecordedEvent[]): CorruptEventError {
  try {
    verifyHashChain(events);
  } catch (error) {
    if (error instanceof CorruptEventError) return error;
    throw error;
  }
  throw new Error('the chain verified');
}

describe('hash chain', () => {
  it('starts from 64 zeros and keeps its format: sha-256 of the previous hash, a newline and the canonical event', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    // Pinned value (computed independently): changing the format would make every stored chain fail to verify.
    const hash = eventHash(GENESIS_HASH, {
      streamId: 'commune-92094',
      revision: 0n,
      id: 'e-1',
      type: 'CandidacyOpened',
      data: { openedOn: '2025-01-15', by: { id: 'person-1' } },
      metadata: {
        actor: { id: 'person-1', role: 'coordinator' },
        commandId: 'c-1',
        correlationId: 'c-1',
        causationId: 'c-1',
        recordedAt: '2025-01-15T09:30:00.000Z',
      },
    });
    expect(hash).toBe('5b80c004c63317964d8875dc5ed69c7d693094e4ee5bbed8f493e4a55d8d77ae');
  });

  it('verifies an intact stream and returns its last hash', () => {
    const events = chain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(verifyHashChain(events)).toBe(events[2]!.metadata.hash);
    expect(verifyHashChain([])).toBe(GENESIS_HASH);
  });

  it('does not depend on key order nor on the global position', () => {
    const events = chain([{ a: 1, b: { c: 2, d: 3 } }]);
    const reordered = { ...events[0]!, data: { b: { d: 3, c: 2 }, a: 1 }, position: 999n };
    expect(() => verifyHashChain([reordered])).not.toThrow();
  });

  it.each<[string, (event: RecordedEvent) => RecordedEvent]>([
    ['its data', (e) => ({ ...e, data: { b: 3 } })],
    ['its type', (e) => ({ ...e, type: 'Other' })],
    ['its id', (e) => ({ ...e, id: 'forged' })],
    ['its stream', (e) => ({ ...e, streamId: 'commune-57081' })],
    ['who did it', (e) => ({ ...e, metadata: { ...e.metadata, actor: { id: 'person-2', role: 'coordinator' } } })],
    ['when it was recorded', (e) => ({ ...e, metadata: { ...e.metadata, recordedAt: '2025-01-16T09:30:00.000Z' } })],
  ])('detects a change to %s, at the changed event', (_what, tamper) => {
    const events = chain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    events[1] = tamper(events[1]!);
    const error = corruption(events);
    expect(error).toMatchObject({ code: 'CORRUPT_EVENT', revision: 1n });
    expect(error.message).toMatch(/altered/);
  });

  it('detects an event recomputed after tampering, because the next one no longer chains', () => {
    const events = chain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    const forged = { ...events[1]!, data: { b: 3 } };
    events[1] = { ...forged, metadata: { ...forged.metadata, hash: eventHash(events[0]!.metadata.hash, forged) } };
    expect(corruption(events).revision).toBe(2n);
  });

  it('detects a removed or reordered event', () => {
    const events = chain([{ a: 1 }, { b: 2 }, { c: 3 }]);
    expect(corruption([events[0]!, events[2]!]).message).toMatch(/gap/);
    expect(corruption([events[1]!, events[0]!, events[2]!]).revision).toBe(1n);
  });
});
