import { communeDecider } from './commune.decider';
import { COMMUNE_EVENT_TYPES } from './commune.events';
import {
  candidacyOpened,
  candidate,
  changesRequested,
  event,
  FIRST_TITLE,
  fairOMeterRequested,
  fairOMeterScored,
  lapsed,
  losingMomentum,
  merged,
  momentumAlertRaised,
  NIS,
  NOW,
  OTHER_NIS,
  renewalScored,
  renewalUnderReview,
  renewed,
  reviewing,
  SECOND_TITLE,
  stateAfter,
  supportPlanOpened,
  titled,
  underReview,
  withSupportPlan,
} from './testing/commune.fixtures';

describe('Commune — evolve', () => {
  it('starts not engaged, with an empty record', () =>
    expect(communeDecider.initialState()).toMatchObject({
      status: 'not_engaged',
      nis: null,
      lastCycle: 0,
      candidacies: 0,
    }));

  it('lists every event type it folds', () => expect(communeDecider.eventTypes).toHaveLength(37));

  it('is a candidate with its evidence after a candidacy', () => {
    const state = stateAfter(...candidate);
    expect(state).toMatchObject({ status: 'candidate', nis: NIS, candidacies: 1, lastRejection: null });
    expect(state.evidence.partners).toHaveLength(7);
    expect(state.evidence.copilMembers.map((m) => m.personId)).toEqual(['person-1', 'person-2', 'person-3']);
  });

  it('removes withdrawn partners and departed members from the evidence', () => {
    const state = stateAfter(
      ...candidate,
      event('PartnerWithdrawn', { partnerId: 'shop-1', withdrawnOn: '2024-01-01', reason: null }),
      event('CopilMemberLeft', { personId: 'person-2', leftOn: '2024-01-01' }),
    );
    expect(state.evidence.partners.map((p) => p.partnerId)).not.toContain('shop-1');
    expect(state.evidence.copilMembers.map((m) => m.personId)).toEqual(['person-1', 'person-3']);
  });

  it('holds the dossier, then the review and its comments, while under review', () => {
    const state = stateAfter(
      ...reviewing,
      event('ReviewCommentAdded', { dossier: 1, commentId: 'c', criterion: 2, comment: 'ok', authorId: 'r', at: NOW }),
    );
    expect(state).toMatchObject({
      status: 'under_review',
      dossiers: 1,
      dossier: { number: 1, criteriaSetId: 'cdce-2022', population: 4000 },
      review: { reviewerId: 'person-reviewer-1', comments: [{ commentId: 'c', criterion: 2 }] },
    });
    expect(stateAfter(...underReview)).toMatchObject({ review: null });
  });

  it('keeps the dossier and the change request while changes are requested', () =>
    expect(stateAfter(...changesRequested)).toMatchObject({
      status: 'changes_requested',
      dossier: { number: 1 },
      changeRequest: { dueOn: '2023-11-01', changes: [{ criterion: 4 }] },
    }));

  it('goes back to candidate with the rejection after a rejected dossier', () =>
    expect(
      stateAfter(
        ...reviewing,
        event('DossierRejected', { dossier: 1, reviewerId: 'r', reasons: ['x'], rejectedAt: NOW }),
      ),
    ).toMatchObject({ status: 'candidate', lastRejection: { dossier: 1, reasons: ['x'] } }));

  it('goes back to not engaged, keeping its evidence, after abandoning', () => {
    const state = stateAfter(...candidate, event('CandidacyAbandoned', { reasons: [], abandonedAt: NOW }));
    expect(state.status).toBe('not_engaged');
    expect(state.evidence.partners).toHaveLength(7);
  });

  it('is titled with the awarded title', () =>
    expect(stateAfter(...titled)).toMatchObject({
      status: 'titled',
      title: FIRST_TITLE,
      lastCycle: 1,
      fairOMeterRequest: null,
    }));

  it('keeps the open Fair-ô-mètre request, then the submission, its score and its history', () => {
    expect(stateAfter(...titled, fairOMeterRequested())).toMatchObject({ fairOMeterRequest: { edition: '2025' } });
    expect(stateAfter(...renewalUnderReview)).toMatchObject({
      status: 'renewal_under_review',
      holding: 'titled',
      title: FIRST_TITLE,
      fairOMeter: { edition: '2025', total: 76.48, score: null },
      fairOMeters: [{ edition: '2025', total: 76.48, grade: null }],
    });
    expect(stateAfter(...renewalScored)).toMatchObject({
      fairOMeter: { score: { grade: 'B' } },
      fairOMeters: [{ edition: '2025', grade: 'B' }],
    });
  });

  it('is renewed with the next title after a renewal', () =>
    expect(stateAfter(...renewed)).toMatchObject({
      status: 'renewed',
      title: SECOND_TITLE,
      lastCycle: 2,
      fairOMeterRequest: null,
    }));

  it('loses momentum on an alert, remembering where to go back', () => {
    expect(stateAfter(...losingMomentum)).toMatchObject({
      status: 'losing_momentum',
      restoreTo: 'titled',
      momentum: { since: '2025-01-15T09:00:00.000Z', supportPlan: null },
      alerts: [{ alertId: 'alert-1', reasons: ['copil_inactive'] }],
    });
    expect(stateAfter(...renewed, momentumAlertRaised())).toMatchObject({ restoreTo: 'renewed' });
  });

  it('builds the support plan: sponsor and actions', () =>
    expect(
      stateAfter(
        ...withSupportPlan,
        event('SponsorAssigned', { sponsorNis: OTHER_NIS, assignedAt: NOW }),
        event('SupportActionRecorded', { actionId: 's-1', occurredOn: '2025-02-01', summary: 'Visit' }),
      ),
    ).toMatchObject({ momentum: { supportPlan: { sponsorNis: OTHER_NIS, actions: [{ actionId: 's-1' }] } } }));

  it('restores the former status and archives the support plan', () => {
    const state = stateAfter(
      ...withSupportPlan,
      event('MomentumRestored', { restoredTo: 'titled', note: null, restoredAt: NOW }),
    );
    expect(state).toMatchObject({ status: 'titled', title: FIRST_TITLE });
    expect(state.closedSupportPlans).toHaveLength(1);
  });

  it('keeps the momentum episode through a renewal review and resumes it when renewal is refused', () => {
    const history = [
      ...withSupportPlan,
      fairOMeterRequested(),
      event('FairOMeterSubmitted', renewalUnderReview.at(-1)!.data as never),
    ];
    expect(stateAfter(...history)).toMatchObject({
      status: 'renewal_under_review',
      holding: 'titled',
      momentum: { supportPlan: {} },
    });
    const refused = stateAfter(
      ...history,
      fairOMeterScored('E'),
      event('RenewalRefused', { edition: '2025', reasons: ['x'], refusedAt: NOW }),
    );
    expect(refused).toMatchObject({
      status: 'losing_momentum',
      restoreTo: 'titled',
      momentum: {
        since: '2025-01-15T09:00:00.000Z',
        supportPlan: { difficulties: ['The COPIL has not met for a year'] },
      },
    });
  });

  it('starts losing momentum from the refusal when there was no alert before', () =>
    expect(
      stateAfter(...renewalScored, event('RenewalRefused', { edition: '2025', reasons: ['x'], refusedAt: NOW })),
    ).toMatchObject({ status: 'losing_momentum', restoreTo: 'titled', momentum: { since: NOW, supportPlan: null } }));

  it('remembers the periods already marked overdue', () =>
    expect(
      stateAfter(...titled, event('RenewalOverdue', { cycle: 1, validUntil: FIRST_TITLE.validUntil, detectedAt: NOW }))
        .overdueMarkedFor,
    ).toEqual([FIRST_TITLE.validUntil]));

  it('keeps the former title after it ends, and the support plan in the history', () => {
    expect(stateAfter(...lapsed)).toMatchObject({ status: 'lapsed', formerTitle: FIRST_TITLE });
    const relinquished = stateAfter(
      ...withSupportPlan,
      event('TitleRelinquished', { cycle: 1, reasons: ['x'], relinquishedAt: NOW }),
    );
    expect(relinquished).toMatchObject({ status: 'relinquished', reasons: ['x'], formerTitle: FIRST_TITLE });
    expect(relinquished.closedSupportPlans).toHaveLength(1);
    expect(
      stateAfter(...titled, event('TitleWithdrawn', { cycle: 1, reasons: ['y'], withdrawnAt: NOW })),
    ).toMatchObject({
      status: 'withdrawn',
    });
  });

  it('is a candidate again after a re-candidacy, with the cycle history kept', () =>
    expect(stateAfter(...lapsed, candidacyOpened(2))).toMatchObject({
      status: 'candidate',
      candidacies: 2,
      lastCycle: 1,
    }));

  it('tracks the election and its re-confirmation', () => {
    const elected = stateAfter(
      ...titled,
      event('LocalElectionHeld', { heldOn: '2024-10-13', resolutionNeedsReconfirmation: true }),
    );
    expect(elected.evidence.localElections).toEqual([{ heldOn: '2024-10-13', reconfirmedOn: null }]);
    const reconfirmed = stateAfter(
      ...titled,
      event('LocalElectionHeld', { heldOn: '2024-10-13', resolutionNeedsReconfirmation: true }),
      event('CouncilResolutionReconfirmed', { votedOn: '2025-01-20', electionHeldOn: '2024-10-13' }),
    );
    expect(reconfirmed.evidence.localElections).toEqual([{ heldOn: '2024-10-13', reconfirmedOn: '2025-01-20' }]);
  });

  it('is merged and terminal: later events change nothing', () => {
    const state = stateAfter(...merged);
    expect(state).toMatchObject({ status: 'merged', successorNis: OTHER_NIS, effectiveOn: '2025-01-01', lastCycle: 1 });
    expect(stateAfter(...merged, candidacyOpened(2), supportPlanOpened())).toEqual(state);
  });

  it('a successor becomes titled with an inherited title, or extends the one it holds', () => {
    const inherited = { cycle: 1, validFrom: '2024-12-02', validUntil: '2025-06-30' };
    const first = event('PredecessorMerged', {
      nis: '82039',
      predecessorNis: '82005',
      effectiveOn: '2024-12-02',
      predecessorStatus: 'titled',
      predecessorTitle: { cycle: 3, validFrom: '2023-07-01', validUntil: '2025-06-30' },
      inheritedTitle: inherited,
    });
    expect(stateAfter(first)).toMatchObject({ status: 'titled', nis: '82039', title: inherited, lastCycle: 1 });
    const extended = { ...inherited, validUntil: '2025-10-10' };
    const second = event('PredecessorMerged', { ...first.data, predecessorNis: '82003', inheritedTitle: extended });
    const state = stateAfter(first, second);
    expect(state).toMatchObject({ status: 'titled', title: extended });
    expect(state.predecessors.map((p) => p.predecessorNis)).toEqual(['82005', '82003']);
  });

  it('ignores events that do not apply to the current status instead of throwing', () => {
    const state = stateAfter(...candidate);
    for (const e of [
      event('TitleAwarded', FIRST_TITLE),
      event('FairOMeterScored', { ...fairOMeterScored().data }),
      event('MomentumRestored', { restoredTo: 'titled', note: null, restoredAt: NOW }),
      event('TitleLapsed', { cycle: 1, validUntil: '2025-01-01', reasons: [], lapsedAt: NOW }),
    ]) {
      expect(communeDecider.evolve(state, e)).toBe(state);
    }
  });

  it('every listed event type is known to the union (sanity of eventTypes)', () =>
    expect(new Set(COMMUNE_EVENT_TYPES).size).toBe(COMMUNE_EVENT_TYPES.length));
});
