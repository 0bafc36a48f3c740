import { communeDecider, type Commune, type CommuneEvent } from '@cdce/communes';
import type { RecordedEvent } from '@cdce/eventsourcing';
import { brusselsDay, type IsoDate } from './business-calendar';

/**
 * What the deadline policy looks at for one commune: its state, folded by the commune decider's own `evolve` (so the
 * reminders can never disagree with what the decider would accept), plus the one fact the state does not keep —
 * when the candidacy last moved, for the "idle candidacy" reminder.
 */
export interface DeadlineSubject {
  readonly nis: string;
  readonly state: Commune;
  /** Brussels day of the last candidacy activity (opened, evidence recorded, dossier sent back), or null. */
  readonly candidacyActiveOn: IsoDate | null;
}

/** Events that show a candidacy is alive: it was opened, new evidence came in, or a rejected dossier restarts work. */
const CANDIDACY_ACTIVITY: ReadonlySet<string> = new Set([
  'CandidacyOpened',
  'CouncilResolutionRecorded',
  'CouncilResolutionReconfirmed',
  'CopilMemberJoined',
  'CopilCharterAdopted',
  'CopilMeetingHeld',
  'PartnerRegistered',
  'CommunicationActionRecorded',
  'LocalProductActionRecorded',
  'DossierRejected',
]);

export function emptySubject(nis: string): DeadlineSubject {
  return { nis, state: communeDecider.initialState(), candidacyActiveOn: null };
}

/** Folds one event of the commune's stream. Pure: the activity date is the event's `recordedAt`, never the clock. */
export function evolveSubject(subject: DeadlineSubject, event: RecordedEvent): DeadlineSubject {
  const state = communeDecider.evolve(subject.state, event as unknown as CommuneEvent);
  const candidacyActiveOn = CANDIDACY_ACTIVITY.has(event.type)
    ? brusselsDay(event.metadata.recordedAt)
    : subject.candidacyActiveOn;
  return { nis: subject.nis, state, candidacyActiveOn };
}

/** Folds a whole stream (the job re-reads the commune this way before sending anything). */
export function subjectOf(nis: string, events: Iterable<RecordedEvent>): DeadlineSubject {
  let subject = emptySubject(nis);
  for (const event of events) subject = evolveSubject(subject, event);
  return subject;
}
