/**
 * Typed errors of the kernel. Each carries a stable `code` that adapters (HTTP, CLI) map to a message a person can act on.
 */
export abstract class EventSourcingError extends Error {
  abstract readonly code: string;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A business rule refused the command. `code` is stable (e.g. `NOT_A_CANDIDATE`) and documented per domain. */
export class DomainError extends EventSourcingError {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Someone else appended to the stream since the caller read it. */
export class WrongExpectedRevisionError extends EventSourcingError {
  readonly code = 'WRONG_EXPECTED_REVISION';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    /** The stream's current revision, or `no_stream` when it does not exist. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `Stream ${streamId} was expected at ${expected} but is at ${actual === 'no_stream' ? 'no stream' : `revision ${actual}`}: ` +
        'someone changed it meanwhile; read it again and retry.',
    );
  }
}

export class StreamNotFoundError extends EventSourcingError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} does not exist.`);
  }
}

export class InvalidStreamNameError extends EventSourcingError {
  readonly code = 'INVALID_STREAM_NAME';
  constructor(
    readonly streamId: string,
    reason: string,
  ) {
    super(`Invalid stream name ${JSON.stringify(streamId)}: ${reason}`);
  }
}

export class EventTooLargeError extends EventSourcingError {
  readonly code = 'EVENT_TOO_LARGE';
  constructor(
    readonly eventType: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`Event ${eventType} is ${size} bytes once serialised; the limit is ${limit} bytes. Store large documents elsewhere and reference them.`);
  }
}

/** The event (or its metadata) cannot be stored as JSON: undefined, a function, a bigint, a cycle, a non-object payload… */
export class InvalidEventDataError extends EventSourcingError {
  readonly code = 'INVALID_EVENT_DATA';
  constructor(
    readonly eventType: string,
    reason: string,
  ) {
    super(`Event ${eventType} cannot be stored: ${reason}`);
  }
}

/** An event was read whose type the reader does not know: written by a newer version, or the stream belongs to another domain. */
export class UnknownEventTypeError extends EventSourcingError {
  readonly code = 'UNKNOWN_EVENT_TYPE';
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    readonly eventType: string,
  ) {
    super(
      `Event ${eventType} at ${streamId}@${revision} is of a type this version does not know. ` +
        'Upgrade cdce, or check that the stream belongs to this domain.',
    );
  }
}

/** The same event id was appended before with different content, or a retried batch only partly matches what was stored. */
export class DuplicateEventIdError extends EventSourcingError {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly eventId: string,
    reason: string,
  ) {
    super(`Event id ${eventId} was already used: ${reason}`);
  }
}

/** The store's file is not a cdce event store (corrupt, foreign, or from an unknown schema version). Nothing was written. */
export class StoreUnavailableError extends EventSourcingError {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    readonly location: string,
    reason: string,
  ) {
    super(`Event store at ${location} cannot be used: ${reason}`);
  }
}

/** A stored event failed to parse or its hash chain does not match: the data was altered or damaged. */
export class CorruptEventError extends EventSourcingError {
  readonly code = 'CORRUPT_EVENT';
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    reason: string,
  ) {
    super(`Event ${streamId}@${revision} is corrupt: ${reason}`);
  }
}
