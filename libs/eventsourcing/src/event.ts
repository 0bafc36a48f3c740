/**
 * Shapes shared by deciders, the event store and projections.
 * Kept free of any framework or I/O so that domain code can import them.
 */

/** A domain event as a decider emits it: a past-tense type and JSON-serialisable data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** A command as a decider receives it. `now` is an ISO-8601 UTC instant supplied by the caller: deciders never read the clock. */
export interface Command<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
  readonly now: string;
}

/** Who did something. Personal data (names, e-mails) never goes into events: only an id and a role. */
export interface Actor {
  readonly id: string;
  readonly role: string;
}

/** What the caller knows about the command being handled; it becomes part of every event's metadata. */
export interface CommandContext {
  readonly actor: Actor;
  /** Unique id of the command; retrying the same command with the same id appends nothing twice. */
  readonly commandId: string;
  /** Id shared by every command and event of one user action or workflow. */
  readonly correlationId: string;
  /** Id of the message (command or event) that caused this one. */
  readonly causationId: string;
}

/** Metadata recorded with every event. `recordedAt` and `hash` are set by the event store. */
export interface EventMetadata extends CommandContext {
  /** Server time of the append (ISO-8601 UTC). Business dates live in the event data. */
  readonly recordedAt: string;
  /** sha-256 (hex) over the previous event's hash in the same stream and this event's canonical JSON. */
  readonly hash: string;
}

/** An event to append: the id makes appends idempotent (same ids → nothing written twice). */
export interface NewEvent<E extends DomainEvent = DomainEvent> {
  readonly id: string;
  readonly type: E['type'];
  readonly data: E['data'];
}

/** An event as stored: its place in its stream (revision) and in the whole log (position). */
export interface RecordedEvent<E extends DomainEvent = DomainEvent> {
  readonly streamId: string;
  readonly id: string;
  readonly type: E['type'];
  readonly data: E['data'];
  /** 0-based revision of the event in its stream. */
  readonly revision: bigint;
  /** Position in the global log (`$all`); strictly increasing, not necessarily contiguous. */
  readonly position: bigint;
  readonly metadata: EventMetadata;
}
