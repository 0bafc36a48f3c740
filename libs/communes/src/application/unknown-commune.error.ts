import { EventSourcingError } from '@cdce/eventsourcing';

/** The NIS code names no municipality of the campaign (Wallonia and Brussels, and the communes merged since). */
export class UnknownCommuneError extends EventSourcingError {
  readonly code = 'UNKNOWN_COMMUNE';
  constructor(
    readonly nis: string,
    reason = 'no municipality of the campaign has this NIS code',
  ) {
    super(`Commune ${nis} is unknown: ${reason}. List the communes with GET /api/communes.`);
  }
}
