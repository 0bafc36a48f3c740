import { canonicalJson } from './canonical-json';
import type { NewEvent } from './event';
import { EventTooLargeError, InvalidEventDataError, InvalidStreamNameError } from './errors';
import { MAX_EVENT_BYTES } from './event-store.port';

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

/** Checks a stream id against the store's naming rule; every adapter calls it before touching storage. */
export function assertValidStreamName(streamId: string): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new InvalidStreamNameError(String(streamId), 'it is empty');
  if (streamId.startsWith('$')) throw new InvalidStreamNameError(streamId, 'names starting with $ are reserved for the system');
  if (!STREAM_NAME.test(streamId)) {
    throw new InvalidStreamNameError(
      streamId,
      'use at most 200 letters, digits, "-", "_", "." or ":", starting with a letter or digit',
    );
  }
}

/**
 * Checks an event before it is written and returns its data serialised as JSON.
 * Rejects what JSON would silently change (undefined, NaN, Dates, class instances) rather than store something else.
 */
export function serialiseEventData(event: NewEvent, metadataBytes = 0): string {
  if (typeof event.type !== 'string' || !EVENT_TYPE.test(event.type)) {
    throw new InvalidEventDataError(String(event.type), 'the type must be a name of letters and digits, starting with a letter');
  }
  if (typeof event.id !== 'string' || event.id.length === 0 || event.id.length > 100) {
    throw new InvalidEventDataError(event.type, 'the event id must be a non-empty string of at most 100 characters');
  }
  if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) {
    throw new InvalidEventDataError(event.type, 'the data must be a JSON object');
  }
  let json: string;
  try {
    json = canonicalJson(event.data);
  } catch (error) {
    throw new InvalidEventDataError(event.type, (error as Error).message);
  }
  const size = Buffer.byteLength(json) + Buffer.byteLength(event.type) + metadataBytes;
  if (size > MAX_EVENT_BYTES) throw new EventTooLargeError(event.type, size, MAX_EVENT_BYTES);
  return json;
}
