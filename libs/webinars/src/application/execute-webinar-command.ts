import type { Actor, CommandResult } from '@cdce/eventsourcing';
import type { WebinarCommand } from '../domain/webinar.commands';
import type { WebinarEvent } from '../domain/webinar.events';
import type { Webinar } from '../domain/webinar.state';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A webinar command as the API or a job states it: without `now`, which the handler stamps. */
export type WebinarCommandInput = DistributiveOmit<WebinarCommand, 'now'>;

export interface WebinarCommandMeta {
  readonly actor: Actor;
  /** Unique per command; sending the same id again appends nothing (the programme job uses fixed ids). */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** The revision the caller saw (`If-Match`); absent = "apply to the latest state". */
  readonly expectedRevision?: bigint;
}

/** Sent on the command bus for every change to a `webinar-<id>` stream. */
export class ExecuteWebinarCommand {
  constructor(
    readonly webinarId: string,
    readonly input: WebinarCommandInput,
    readonly meta: WebinarCommandMeta,
  ) {}
}

export type WebinarCommandResult = CommandResult<Webinar, WebinarEvent>;
