import { deciderSpecification } from '@cdce/eventsourcing/testing';
import type { CommuneCommand } from '../commune.commands';
import { communeDecider } from '../commune.decider';
import type { CommuneEvent } from '../commune.events';
import type { Title } from '../commune.state';
import { CDCE_2022 } from '../criteria/cdce-2022.criteria-set';
import { evaluateCriteria } from '../criteria/evaluate-criteria';
import { fold } from '@cdce/eventsourcing';

/*
 * Shared fixtures for the commune specs: typed builders for commands and events, and ready-made histories.
 * Namur (92094) is the commune under test; it is small enough here (4,000 inhabitants) for a short evidence list.
 */

export const { given } = deciderSpecification(communeDecider);

export const NIS = '92094';
export const OTHER_NIS = '25112';
/** "Now" in the specs: 1 March 2025, while the fixture title (2023-10-11 → 2025-10-10) is valid. */
export const NOW = '2025-03-01T10:00:00.000Z';
/** After the fixture title's end. */
export const LATER = '2025-11-03T10:00:00.000Z';
export const POPULATION = 4_000;
export const REVIEWER = 'person-reviewer-1';

type CommandOf<T extends CommuneCommand['type']> = Extract<CommuneCommand, { type: T }>;
type EventOf<T extends CommuneEvent['type']> = Extract<CommuneEvent, { type: T }>;

export function command<T extends CommuneCommand['type']>(
  type: T,
  data: CommandOf<T>['data'],
  now = NOW,
): CommandOf<T> {
  return { type, data, now } as CommandOf<T>;
}

export function event<T extends CommuneEvent['type']>(type: T, data: EventOf<T>['data']): EventOf<T> {
  return { type, data } as EventOf<T>;
}

/** The state after a history, for assertions on evolve. */
export const stateAfter = (...history: CommuneEvent[]) => fold(communeDecider, history);

// ─── Events ──────────────────────────────────────────────────────────────────────────────────────────────────────
export const candidacyOpened = (candidacy = 1) =>
  event('CandidacyOpened', { nis: NIS, candidacy, openedAt: '2023-01-10T09:00:00.000Z' });

export const councilResolutionRecorded = (votedOn = '2023-02-20', fairTradeProducts = ['café', 'thé']) =>
  event('CouncilResolutionRecorded', {
    resolutionId: `resolution-${votedOn}`,
    votedOn,
    fairTradeProducts,
    documentRef: null,
  });

export const copilMemberJoined = (personId: string, sector: 'administration' | 'citizen' | 'business' = 'citizen') =>
  event('CopilMemberJoined', { personId, role: 'member', sector, joinedOn: '2023-01-15' });

export const copilMeetingHeld = (meetingId = 'meeting-1') =>
  event('CopilMeetingHeld', { meetingId, heldOn: '2023-03-01', attendeeCount: 6 });

export const partnerRegistered = (
  partnerId: string,
  kind: 'shop' | 'horeca' | 'business' | 'organisation' | 'school',
  fairTradeProducts = ['café', 'chocolat'],
) => event('PartnerRegistered', { partnerId, kind, fairTradeProducts, registeredOn: '2023-03-10' });

export const communicationActionRecorded = (actionId: string) =>
  event('CommunicationActionRecorded', {
    actionId,
    channel: 'local_media',
    occurredOn: '2023-04-01',
    summary: 'Article in the local paper',
  });

export const localProductActionRecorded = (actionId = 'local-1', prixJusteProducteurRef: string | null = null) =>
  event('LocalProductActionRecorded', {
    actionId,
    occurredOn: '2023-05-01',
    summary: 'Farm market',
    prixJusteProducteurRef,
  });

/** Enough evidence to meet the six criteria of cdce-2022 for 4,000 inhabitants (2 shops, 3 horeca, 2 organisations). */
export const completeEvidence: CommuneEvent[] = [
  councilResolutionRecorded(),
  copilMemberJoined('person-1', 'administration'),
  copilMemberJoined('person-2', 'citizen'),
  copilMemberJoined('person-3', 'business'),
  copilMeetingHeld(),
  partnerRegistered('shop-1', 'shop'),
  partnerRegistered('shop-2', 'shop'),
  partnerRegistered('horeca-1', 'horeca'),
  partnerRegistered('horeca-2', 'horeca'),
  partnerRegistered('horeca-3', 'horeca'),
  partnerRegistered('school-1', 'school'),
  partnerRegistered('asbl-1', 'organisation'),
  communicationActionRecorded('com-1'),
  communicationActionRecorded('com-2'),
  localProductActionRecorded(),
];

export const dossierSubmitted = (history: CommuneEvent[], dossier = 1) => {
  const { evidence } = stateAfter(...history);
  const checklist = evaluateCriteria(evidence, CDCE_2022, POPULATION);
  const unmetCriteria = checklist.filter((c) => !c.met).map((c) => c.criterion);
  return event('DossierSubmitted', {
    dossier,
    criteriaSetId: CDCE_2022.id,
    population: POPULATION,
    checklist,
    unmetCriteria,
    acknowledgedIncomplete: unmetCriteria.length > 0,
    submittedAt: '2023-09-01T09:00:00.000Z',
  });
};

export const reviewStarted = (dossier = 1) =>
  event('DossierReviewStarted', { dossier, reviewerId: REVIEWER, startedAt: '2023-09-05T09:00:00.000Z' });

export const FIRST_TITLE: Title = { cycle: 1, validFrom: '2023-10-11', validUntil: '2025-10-10' };

// ─── Histories ───────────────────────────────────────────────────────────────────────────────────────────────────
export const candidate: CommuneEvent[] = [candidacyOpened(), ...completeEvidence];
export const underReview: CommuneEvent[] = [...candidate, dossierSubmitted(candidate)];
export const reviewing: CommuneEvent[] = [...underReview, reviewStarted()];
export const changesRequested: CommuneEvent[] = [
  ...reviewing,
  event('ChangesRequested', {
    dossier: 1,
    reviewerId: REVIEWER,
    changes: [{ criterion: 4, reason: 'Show the articles' }],
    dueOn: '2023-11-01',
    requestedAt: '2023-09-20T09:00:00.000Z',
  }),
];
export const titled: CommuneEvent[] = [
  ...reviewing,
  event('DossierApproved', { dossier: 1, reviewerId: REVIEWER, approvedAt: '2023-10-01T09:00:00.000Z' }),
  event('TitleAwarded', FIRST_TITLE),
];

export const fairOMeterRequested = (edition = '2025', dueOn = '2025-06-30') =>
  event('FairOMeterRequested', { edition, dueOn, requestedAt: '2025-02-01T09:00:00.000Z' });

export const BLOCKS = { communalPolicy: 19.25, communication: 18.75, events: 20.48, steeringCommittee: 18 };
export const FIGURES = { volunteers: 20, events: 4, products: 3 };

export const fairOMeterSubmitted = (edition = '2025') =>
  event('FairOMeterSubmitted', {
    edition,
    blocks: BLOCKS,
    figures: FIGURES,
    total: 76.48,
    submittedAt: '2025-02-20T09:00:00.000Z',
  });

export const fairOMeterScored = (grade: 'A' | 'B' | 'C' | 'D' | 'E' = 'B', edition = '2025') =>
  event('FairOMeterScored', {
    edition,
    total: 76.48,
    grade,
    suggestedGrade: 'B',
    reviewerId: REVIEWER,
    scoredAt: '2025-02-25T09:00:00.000Z',
  });

export const renewalUnderReview: CommuneEvent[] = [...titled, fairOMeterRequested(), fairOMeterSubmitted()];
export const renewalScored: CommuneEvent[] = [...renewalUnderReview, fairOMeterScored()];

export const SECOND_TITLE: Title = { cycle: 2, validFrom: '2025-10-11', validUntil: '2027-10-10' };
export const renewed: CommuneEvent[] = [
  ...renewalScored,
  event('TitleRenewed', { ...SECOND_TITLE, edition: '2025', grade: 'B', renewedAt: '2025-02-28T09:00:00.000Z' }),
];

export const momentumAlertRaised = (
  alertId = 'alert-1',
  reasons: ('copil_inactive' | 'manual' | 'fom_missed')[] = ['copil_inactive'],
) => event('MomentumAlertRaised', { alertId, reasons, note: null, raisedAt: '2025-01-15T09:00:00.000Z' });

export const losingMomentum: CommuneEvent[] = [...titled, momentumAlertRaised()];

export const supportPlanOpened = () =>
  event('SupportPlanOpened', {
    difficulties: ['The COPIL has not met for a year'],
    plannedActions: ['Recruit two volunteers'],
    openedAt: '2025-01-20T09:00:00.000Z',
  });

export const withSupportPlan: CommuneEvent[] = [...losingMomentum, supportPlanOpened()];

export const lapsed: CommuneEvent[] = [
  ...titled,
  event('TitleLapsed', {
    cycle: 1,
    validUntil: FIRST_TITLE.validUntil,
    reasons: [],
    lapsedAt: '2025-11-03T10:00:00.000Z',
  }),
];

export const merged: CommuneEvent[] = [
  ...titled,
  event('MunicipalityMerged', {
    nis: NIS,
    successorNis: OTHER_NIS,
    effectiveOn: '2025-01-01',
    status: 'titled',
    title: FIRST_TITLE,
    lastCycle: 1,
  }),
];

/** Every fixture history above, by name: for specs that check a property over each of them. */
export const FIXTURE_HISTORIES: Readonly<Record<string, CommuneEvent[]>> = {
  candidate,
  underReview,
  reviewing,
  changesRequested,
  titled,
  renewalScored,
  renewed,
  losingMomentum,
  withSupportPlan,
  lapsed,
  merged,
};
