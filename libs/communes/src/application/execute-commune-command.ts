import type { Actor, CommandResult } from '@cdce/eventsourcing';
import type { Commune } from '../domain/commune.state';
import type { CommuneCommand } from '../domain/commune.commands';
import type { CommuneEvent } from '../domain/commune.events';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A command as the API or a job states it: without `now` (the handler stamps it) and without what the application
 * layer looks up itself (criteria set and population for a dossier, the sponsor's status).
 */
export type CommuneCommandInput =
  | DistributiveOmit<Exclude<CommuneCommand, { type: 'SubmitDossier' | 'AssignSponsor' }>, 'now'>
  | {
      readonly type: 'SubmitDossier';
      readonly data: {
        readonly acknowledgeIncomplete?: boolean;
        /** Only for a commune dissolved by a merger, whose population the reference data no longer gives. */
        readonly population?: number;
      };
    }
  | { readonly type: 'AssignSponsor'; readonly data: { readonly sponsorNis: string } };

export interface CommandMeta {
  readonly actor: Actor;
  /** Unique per command; a retry with the same id appends nothing twice. */
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId?: string;
  /** The revision the caller saw (`If-Match`); absent = "apply to the latest state". */
  readonly expectedRevision?: bigint;
}

/** Sent on the command bus for every change to a commune's stream. */
export class ExecuteCommuneCommand {
  constructor(
    readonly nis: string,
    readonly input: CommuneCommandInput,
    readonly meta: CommandMeta,
  ) {}
}

export type CommuneCommandResult = CommandResult<Commune, CommuneEvent>;
