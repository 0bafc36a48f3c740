import {
  command,
  event,
  FIRST_TITLE,
  given,
  LATER,
  losingMomentum,
  momentumAlertRaised,
  NOW,
  OTHER_NIS,
  NIS,
  renewalUnderReview,
  renewed,
  SECOND_TITLE,
  titled,
  underReview,
  withSupportPlan,
} from './testing/commune.fixtures';

const alert = (reasons: string[] = ['copil_inactive'], alertId = 'alert-9') =>
  command('RaiseMomentumAlert', { alertId, reasons: reasons as ['manual'], note: 'Nobody answers' });
const sponsor = (sponsorNis = OTHER_NIS, sponsorIsTitled = true) =>
  command('AssignSponsor', { sponsorNis, sponsorIsTitled });
const overdue = (validUntil = FIRST_TITLE.validUntil, now = LATER) =>
  command('MarkRenewalOverdue', { validUntil }, now);

describe('Commune — momentum', () => {
  describe('RaiseMomentumAlert', () => {
    it('raises an alert on a titled commune', () =>
      given(...titled)
        .when(alert(['copil_inactive', 'copil_inactive', 'fom_missed']))
        .then(
          event('MomentumAlertRaised', {
            alertId: 'alert-9',
            reasons: ['copil_inactive', 'fom_missed'],
            note: 'Nobody answers',
            raisedAt: NOW,
          }),
        ));

    it('adds an alert while the commune is already losing momentum', () =>
      given(...losingMomentum)
        .when(alert(['manual']))
        .thenMatches({ type: 'MomentumAlertRaised' }));

    it('is refused for a reason outside the closed list', () =>
      given(...titled)
        .when(alert(['bored']))
        .thenThrows('UNKNOWN_MOMENTUM_REASON', /bored/));

    it('is refused without a reason', () =>
      given(...titled)
        .when(alert([]))
        .thenThrows('REASONS_REQUIRED'));

    it('is refused with an alert id already used', () =>
      given(...losingMomentum)
        .when(alert(['manual'], 'alert-1'))
        .thenThrows('ID_ALREADY_USED'));

    it('is refused for a commune without the title, and during a renewal review', () => {
      given(...underReview)
        .when(alert())
        .thenThrows('NOT_TITLED');
      given(...renewalUnderReview)
        .when(alert())
        .thenThrows('RENEWAL_IN_PROGRESS');
    });
  });

  describe('OpenSupportPlan', () => {
    const open = (difficulties = ['The COPIL has not met for a year']) =>
      command('OpenSupportPlan', { difficulties, plannedActions: ['Recruit two volunteers', ' '] });

    it('opens a plan with its difficulties and planned actions', () =>
      given(...losingMomentum)
        .when(open())
        .then(
          event('SupportPlanOpened', {
            difficulties: ['The COPIL has not met for a year'],
            plannedActions: ['Recruit two volunteers'],
            openedAt: NOW,
          }),
        ));

    it('is refused without a difficulty', () =>
      given(...losingMomentum)
        .when(open([]))
        .thenThrows('REASONS_REQUIRED'));

    it('is refused when a plan is already open', () =>
      given(...withSupportPlan)
        .when(open())
        .thenThrows('SUPPORT_PLAN_ALREADY_OPEN'));

    it('is refused for a commune that is not losing momentum', () =>
      given(...titled)
        .when(open())
        .thenThrows('NOT_LOSING_MOMENTUM'));
  });

  describe('AssignSponsor', () => {
    it('assigns a titled commune as sponsor', () =>
      given(...withSupportPlan)
        .when(sponsor())
        .then(event('SponsorAssigned', { sponsorNis: OTHER_NIS, assignedAt: NOW })));

    it('decides nothing when the same sponsor is assigned again', () =>
      given(...withSupportPlan, event('SponsorAssigned', { sponsorNis: OTHER_NIS, assignedAt: NOW }))
        .when(sponsor())
        .thenNothing());

    it('is refused when the commune would sponsor itself', () =>
      given(...withSupportPlan)
        .when(sponsor(NIS))
        .thenThrows('SPONSOR_IS_SELF'));

    it('is refused when the sponsor does not hold the title', () =>
      given(...withSupportPlan)
        .when(sponsor(OTHER_NIS, false))
        .thenThrows('SPONSOR_NOT_TITLED', /25112/));

    it('is refused with a malformed NIS', () =>
      given(...withSupportPlan)
        .when(sponsor('1'))
        .thenThrows('INVALID_NIS'));

    it('is refused before a support plan is opened', () =>
      given(...losingMomentum)
        .when(sponsor())
        .thenThrows('NO_SUPPORT_PLAN'));
  });

  describe('RecordSupportAction', () => {
    const action = (actionId = 'support-1') =>
      command('RecordSupportAction', { actionId, occurredOn: '2025-02-15', summary: 'Visit of the sponsor COPIL' });

    it('records an action of the support plan', () =>
      given(...withSupportPlan)
        .when(action())
        .then(
          event('SupportActionRecorded', {
            actionId: 'support-1',
            occurredOn: '2025-02-15',
            summary: 'Visit of the sponsor COPIL',
          }),
        ));

    it('is refused with an action id already used', () =>
      given(
        ...withSupportPlan,
        event('SupportActionRecorded', { actionId: 'support-1', occurredOn: '2025-02-01', summary: 'x' }),
      )
        .when(action())
        .thenThrows('ID_ALREADY_USED'));

    it('is refused before a support plan is opened', () =>
      given(...losingMomentum)
        .when(action())
        .thenThrows('NO_SUPPORT_PLAN'));
  });

  describe('RestoreMomentum', () => {
    it('goes back to titled for a commune that lost momentum while titled', () =>
      given(...withSupportPlan)
        .when(command('RestoreMomentum', { note: 'COPIL active again' }))
        .then(event('MomentumRestored', { restoredTo: 'titled', note: 'COPIL active again', restoredAt: NOW })));

    it('goes back to renewed for a commune that lost momentum after a renewal', () =>
      given(...renewed, momentumAlertRaised())
        .when(command('RestoreMomentum', {}))
        .then(event('MomentumRestored', { restoredTo: 'renewed', note: null, restoredAt: NOW })));

    it('is refused for a commune that is not losing momentum', () =>
      given(...titled)
        .when(command('RestoreMomentum', {}))
        .thenThrows('NOT_LOSING_MOMENTUM'));
  });

  describe('MarkRenewalOverdue', () => {
    it('records the overdue renewal and raises a renewal_overdue alert', () =>
      given(...titled)
        .when(overdue())
        .then(
          event('RenewalOverdue', { cycle: 1, validUntil: FIRST_TITLE.validUntil, detectedAt: LATER }),
          event('MomentumAlertRaised', {
            alertId: 'renewal-overdue-2025-10-10',
            reasons: ['renewal_overdue'],
            note: null,
            raisedAt: LATER,
          }),
        ));

    it('also applies to a commune already losing momentum', () =>
      given(...withSupportPlan)
        .when(overdue())
        .thenMatches({ type: 'RenewalOverdue' }, { type: 'MomentumAlertRaised' }));

    it('decides nothing the second time for the same title period', () =>
      given(...titled, event('RenewalOverdue', { cycle: 1, validUntil: FIRST_TITLE.validUntil, detectedAt: LATER }))
        .when(overdue())
        .thenNothing());

    it('decides nothing for a stale timer: the title was renewed meanwhile', () =>
      given(...renewed)
        .when(overdue(FIRST_TITLE.validUntil))
        .thenNothing());

    it('decides nothing while the Fair-ô-mètre is under review', () =>
      given(...renewalUnderReview)
        .when(overdue())
        .thenNothing());

    it('is refused while the title is still valid', () =>
      given(...renewed)
        .when(overdue(SECOND_TITLE.validUntil, NOW))
        .thenThrows('RENEWAL_NOT_YET_DUE'));

    it('is refused for a commune without the title', () =>
      given(...underReview)
        .when(overdue())
        .thenThrows('NOT_TITLED'));
  });
});
