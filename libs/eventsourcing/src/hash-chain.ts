import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { EventMetadata, RecordedEvent } from './event';
import { CorruptEventError } from './errors';

/** Hash "before" the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** What the hash covers: everything about the event except its global position (assigned by the store) and the hash itself. */
export interface HashedContent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: object;
  readonly metadata: Omit<EventMetadata, 'hash'>;
  /** `canonicalJson(data)` when the caller already has it (adapters serialise data once for storage and hash). */
  readonly dataJson?: string;
}

export function eventHash(previousHash: string, event: HashedContent): string {
  const { hash: _ignored, ...metadata } = event.metadata as EventMetadata;
  // Keys in sorted order, exactly as canonicalJson of the whole object would write them.
  const content =
    `{"data":${event.dataJson ?? canonicalJson(event.data)},"id":${JSON.stringify(event.id)},` +
    `"metadata":${canonicalJson(metadata)},"revision":"${event.revision}",` +
    `"streamId":${JSON.stringify(event.streamId)},"type":${JSON.stringify(event.type)}}`;
  return createHash('sha256').update(previousHash).update('\n').update(content).digest('hex');
}

/**
 * Checks a whole stream, read forwards from revision 0: each event's hash must chain to the previous one.
 * @returns the last hash. @throws CorruptEventError at the first event that does not match.
 */
export function verifyHashChain(events: readonly RecordedEvent[]): string {
  let previous = GENESIS_HASH;
  events.forEach((event, index) => {
    if (event.revision !== BigInt(index)) {
      throw new CorruptEventError(event.streamId, event.revision, `expected revision ${index}: the stream has a gap`);
    }
    const expected = eventHash(previous, event);
    if (event.metadata.hash !== expected) {
      throw new CorruptEventError(event.streamId, event.revision, 'its hash does not match its content: it was altered');
    }
    previous = expected;
  });
  return previous;
}
