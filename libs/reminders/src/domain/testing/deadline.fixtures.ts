import type { CommuneEvent } from '@cdce/communes';
import type { RecordedEvent } from '@cdce/eventsourcing';
import { subjectOf, type DeadlineSubject } from '../deadline-subject';

/*
 * Histories for the deadline specs: commune events as the store would return them, each recorded at a given instant
 * (the idle check reads `recordedAt`). Namur (92094) is the commune under test.
 */

export const NIS = '92094';
export const REVIEWER = 'person-reviewer-1';

type EventOf<T extends CommuneEvent['type']> = Extract<CommuneEvent, { type: T }>;
type Entry = { readonly at: string; readonly event: CommuneEvent };

let position = 0n;

export function on<T extends CommuneEvent['type']>(at: string, type: T, data: EventOf<T>['data']): Entry {
  return { at: at.length === 10 ? `${at}T10:00:00.000Z` : at, event: { type, data } as CommuneEvent };
}

export function recorded(entries: readonly Entry[], nis = NIS): RecordedEvent[] {
  return entries.map(({ at, event }, revision) => ({
    streamId: `commune-${nis}`,
    id: `event-${revision}`,
    type: event.type,
    data: event.data,
    revision: BigInt(revision),
    position: position++,
    metadata: {
      actor: { id: 'test', role: 'coordination' },
      commandId: `command-${revision}`,
      correlationId: 'c',
      causationId: 'c',
      recordedAt: at,
      hash: '0',
    },
  }));
}

/** The subject after a history. */
export const subjectAfter = (...entries: Entry[]): DeadlineSubject => subjectOf(NIS, recorded(entries));

// ─── Events ──────────────────────────────────────────────────────────────────────────────────────────────────────
export const candidacyOpened = (at = '2023-01-10') =>
  on(at, 'CandidacyOpened', { nis: NIS, candidacy: 1, openedAt: at });
export const copilMemberJoined = (personId: string, joinedOn = '2023-01-15') =>
  on(joinedOn, 'CopilMemberJoined', { personId, role: 'member', sector: 'citizen', joinedOn });
export const copilMeetingHeld = (heldOn: string, meetingId = `meeting-${heldOn}`) =>
  on(heldOn, 'CopilMeetingHeld', { meetingId, heldOn, attendeeCount: 5 });
export const partnerRegistered = (partnerId: string, at: string) =>
  on(at, 'PartnerRegistered', {
    partnerId,
    kind: 'shop',
    fairTradeProducts: ['café', 'thé'],
    registeredOn: at.slice(0, 10),
  });
export const councilResolutionRecorded = (votedOn = '2023-02-20') =>
  on(votedOn, 'CouncilResolutionRecorded', {
    resolutionId: `resolution-${votedOn}`,
    votedOn,
    fairTradeProducts: ['café', 'thé'],
    documentRef: null,
  });
export const dossierSubmitted = (at = '2023-09-01T09:00:00.000Z', dossier = 1) =>
  on(at, 'DossierSubmitted', {
    dossier,
    criteriaSetId: 'cdce-2022',
    population: 4000,
    checklist: [],
    unmetCriteria: [],
    acknowledgedIncomplete: false,
    submittedAt: at,
  });
export const reviewStarted = (at = '2023-09-05T09:00:00.000Z', dossier = 1) =>
  on(at, 'DossierReviewStarted', { dossier, reviewerId: REVIEWER, startedAt: at });
export const changesRequested = (dueOn: string, at = '2023-09-20T09:00:00.000Z') =>
  on(at, 'ChangesRequested', {
    dossier: 1,
    reviewerId: REVIEWER,
    changes: [{ criterion: 4, reason: 'Show the articles' }],
    dueOn,
    requestedAt: at,
  });
export const dossierApproved = (at = '2023-10-01T09:00:00.000Z') =>
  on(at, 'DossierApproved', { dossier: 1, reviewerId: REVIEWER, approvedAt: at });
export const titleAwarded = (validFrom = '2023-10-11', validUntil = '2025-10-10') =>
  on(validFrom, 'TitleAwarded', { cycle: 1, validFrom, validUntil });
export const fairOMeterRequested = (dueOn: string, edition = '2025', at = '2025-02-01') =>
  on(at, 'FairOMeterRequested', { edition, dueOn, requestedAt: `${at}T09:00:00.000Z` });
export const fairOMeterSubmitted = (at: string, edition = '2025') =>
  on(at, 'FairOMeterSubmitted', {
    edition,
    blocks: { communalPolicy: 20, communication: 20, events: 20, steeringCommittee: 20 },
    figures: { volunteers: 10, events: 3, products: 4 },
    total: 80,
    submittedAt: `${at}T10:00:00.000Z`,
  });
export const titleRenewed = (validFrom: string, validUntil: string, at = '2025-09-15') =>
  on(at, 'TitleRenewed', {
    cycle: 2,
    validFrom,
    validUntil,
    edition: '2025',
    grade: 'B',
    renewedAt: `${at}T10:00:00.000Z`,
  });
export const localElectionHeld = (heldOn = '2024-10-13') =>
  on(heldOn, 'LocalElectionHeld', { heldOn, resolutionNeedsReconfirmation: true });
export const resolutionReconfirmed = (votedOn: string, electionHeldOn = '2024-10-13') =>
  on(votedOn, 'CouncilResolutionReconfirmed', { votedOn, electionHeldOn });
export const reminderSent = (reminderId: string, kind: string, dueOn: string, at: string) =>
  on(at, 'ReminderSent', { reminderId, kind, dueOn, sentAt: `${at}T07:00:00.000Z` });
export const titleWithdrawn = (at: string) =>
  on(at, 'TitleWithdrawn', { cycle: 1, reasons: ['no activity'], withdrawnAt: `${at}T10:00:00.000Z` });

// ─── Histories ───────────────────────────────────────────────────────────────────────────────────────────────────
export const candidate = [candidacyOpened(), copilMemberJoined('person-1'), councilResolutionRecorded()];
export const underReview = [...candidate, dossierSubmitted()];
export const reviewing = [...underReview, reviewStarted()];
/** Titled from 2023-10-11 to 2025-10-10, the COPIL met last on 2025-02-03. */
export const titled = [...reviewing, dossierApproved(), titleAwarded(), copilMeetingHeld('2025-02-03')];
