import type { CommuneEvent, CommuneEventType } from '../commune.events';

/* Random commune streams, for the specs that compare two ways of folding one. */

/** A small seeded generator (mulberry32), so that a failing stream can be replayed. */
export function randomFrom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

export type Random = ReturnType<typeof randomFrom>;
type EventOf<T extends CommuneEventType> = Extract<CommuneEvent, { type: T }>;

const AT = '2024-05-01T09:00:00.000Z';
const TITLE = { cycle: 1, validFrom: '2023-10-11', validUntil: '2025-10-10' };
/** Few ids, so that removals and re-confirmations meet what was added before. */
const PEOPLE = ['person-1', 'person-2', 'person-3'];
const PARTNERS = ['shop-1', 'horeca-1', 'school-1'];
const ELECTIONS = ['2018-10-14', '2024-10-13'];

/** One event of each type (the record fails to compile when a type is missing), with data drawn at random. */
export const eventOfType: { [T in CommuneEventType]: (r: Random, n: number) => EventOf<T>['data'] } = {
  CandidacyOpened: (_, n) => ({ nis: '92094', candidacy: n, openedAt: AT }),
  CouncilResolutionRecorded: (r, n) => ({
    resolutionId: `resolution-${n}`,
    votedOn: r.pick(['2017-02-20', '2023-02-20', '2025-01-15']),
    fairTradeProducts: ['café', 'thé'],
    documentRef: null,
  }),
  CouncilResolutionReconfirmed: (r) => ({ votedOn: '2025-01-20', electionHeldOn: r.pick(ELECTIONS) }),
  CopilMemberJoined: (r) => ({ personId: r.pick(PEOPLE), role: 'member', sector: 'citizen', joinedOn: '2023-01-15' }),
  CopilMemberLeft: (r) => ({ personId: r.pick(PEOPLE), leftOn: '2024-01-01' }),
  CopilCharterAdopted: () => ({ adoptedOn: '2023-02-01', sections: ['mission'], documentRef: null }),
  CopilMeetingHeld: (_, n) => ({ meetingId: `meeting-${n}`, heldOn: '2023-03-01', attendeeCount: 6 }),
  PartnerRegistered: (r) => ({
    partnerId: r.pick(PARTNERS),
    kind: 'shop',
    fairTradeProducts: ['café'],
    registeredOn: '2023-03-10',
  }),
  PartnerWithdrawn: (r) => ({ partnerId: r.pick(PARTNERS), withdrawnOn: '2024-01-01', reason: null }),
  CommunicationActionRecorded: (_, n) => ({
    actionId: `com-${n}`,
    channel: 'local_media',
    occurredOn: '2023-04-01',
    summary: `Article ${n}`,
  }),
  LocalProductActionRecorded: (_, n) => ({
    actionId: `local-${n}`,
    occurredOn: '2023-05-01',
    summary: 'Farm market',
    prixJusteProducteurRef: null,
  }),
  DossierSubmitted: (_, n) => ({
    dossier: n,
    criteriaSetId: 'cdce-2022',
    population: 4000,
    checklist: [],
    unmetCriteria: [],
    acknowledgedIncomplete: false,
    submittedAt: AT,
  }),
  CandidacyAbandoned: () => ({ reasons: ['no time'], abandonedAt: AT }),
  DossierReviewStarted: (_, n) => ({ dossier: n, reviewerId: 'reviewer-1', startedAt: AT }),
  ReviewCommentAdded: (_, n) => ({
    dossier: 1,
    commentId: `comment-${n}`,
    criterion: 4,
    comment: 'Show the articles',
    authorId: 'reviewer-1',
    at: AT,
  }),
  ChangesRequested: () => ({
    dossier: 1,
    reviewerId: 'reviewer-1',
    changes: [{ criterion: 4, reason: 'Show the articles' }],
    dueOn: '2024-06-01',
    requestedAt: AT,
  }),
  DossierApproved: () => ({ dossier: 1, reviewerId: 'reviewer-1', approvedAt: AT }),
  TitleAwarded: () => TITLE,
  DossierRejected: () => ({ dossier: 1, reviewerId: 'reviewer-1', reasons: ['incomplete'], rejectedAt: AT }),
  FairOMeterRequested: (r) => ({ edition: r.pick(['2025', '2027']), dueOn: '2025-06-30', requestedAt: AT }),
  FairOMeterSubmitted: (r) => ({
    edition: r.pick(['2025', '2027']),
    blocks: { communalPolicy: 19, communication: 18, events: 20, steeringCommittee: 18 },
    figures: { volunteers: 20, events: 4, products: 3 },
    total: 75,
    submittedAt: AT,
  }),
  FairOMeterScored: (r) => ({
    edition: r.pick(['2025', '2027']),
    total: 75,
    grade: r.pick(['A', 'B', 'E'] as const),
    suggestedGrade: 'B',
    reviewerId: 'reviewer-1',
    scoredAt: AT,
  }),
  TitleRenewed: (_, n) => ({
    cycle: n + 1,
    validFrom: '2025-10-11',
    validUntil: '2027-10-10',
    edition: '2025',
    grade: 'B',
    renewedAt: AT,
  }),
  RenewalRefused: () => ({ edition: '2025', reasons: ['low grade'], refusedAt: AT }),
  MomentumAlertRaised: (r, n) => ({
    alertId: `alert-${n}`,
    reasons: [r.pick(['copil_inactive', 'manual', 'fom_missed'] as const)],
    note: null,
    raisedAt: AT,
  }),
  SupportPlanOpened: () => ({ difficulties: ['no meetings'], plannedActions: ['recruit'], openedAt: AT }),
  SponsorAssigned: () => ({ sponsorNis: '25112', assignedAt: AT }),
  SupportActionRecorded: (_, n) => ({ actionId: `support-${n}`, occurredOn: '2024-05-01', summary: 'Visit' }),
  MomentumRestored: (r) => ({ restoredTo: r.pick(['titled', 'renewed'] as const), note: null, restoredAt: AT }),
  RenewalOverdue: (_, n) => ({ cycle: 1, validUntil: `2025-10-${10 + (n % 10)}`, detectedAt: AT }),
  TitleLapsed: () => ({ cycle: 1, validUntil: TITLE.validUntil, reasons: [], lapsedAt: AT }),
  TitleRelinquished: () => ({ cycle: 1, reasons: ['council decision'], relinquishedAt: AT }),
  TitleWithdrawn: () => ({ cycle: 1, reasons: ['charter breached'], withdrawnAt: AT }),
  MunicipalityMerged: () => ({
    nis: '92094',
    successorNis: '25112',
    effectiveOn: '2025-01-01',
    status: 'titled',
    title: TITLE,
    lastCycle: 1,
  }),
  PredecessorMerged: (r) => ({
    nis: '92094',
    predecessorNis: r.pick(['92001', '92002']),
    effectiveOn: '2025-01-01',
    predecessorStatus: 'titled',
    predecessorTitle: TITLE,
    inheritedTitle: r.pick([TITLE, null]),
  }),
  LocalElectionHeld: (r) => ({ heldOn: r.pick(ELECTIONS), resolutionNeedsReconfirmation: true }),
  ReminderSent: (_, n) => ({ reminderId: `reminder-${n}`, kind: 'dossier_due', dueOn: '2024-06-01', sentAt: AT }),
};

const TYPES = Object.keys(eventOfType) as CommuneEventType[];

/**
 * A stream of random events: most do not apply to the status they meet (evolve must ignore them the same way),
 * enough do for the stream to go through every status. A merger ends a stream, so it is drawn rarely.
 */
export function randomStream(seed: number, length: number): CommuneEvent[] {
  const r = randomFrom(seed);
  const events: CommuneEvent[] = [];
  for (let n = 1; n <= length; n++) {
    let type = r.pick(TYPES);
    if (type === 'MunicipalityMerged' && r.next() > 0.1) type = 'CommunicationActionRecorded';
    events.push({ type, data: eventOfType[type](r, n) } as CommuneEvent);
  }
  return events;
}
