import {
  BLOCKS,
  candidate,
  command,
  event,
  fairOMeterRequested,
  fairOMeterScored,
  FIGURES,
  given,
  losingMomentum,
  NOW,
  renewalScored,
  renewalUnderReview,
  renewed,
  REVIEWER,
  titled,
} from './testing/commune.fixtures';

const request = (edition = '2025', dueOn = '2025-06-30') => command('RequestFairOMeter', { edition, dueOn });
const submit = (blocks = BLOCKS, figures = FIGURES, edition = '2025') =>
  command('SubmitFairOMeter', { edition, blocks, figures });

describe('Commune — Fair-ô-mètre and renewal', () => {
  describe('RequestFairOMeter', () => {
    it('opens the renewal window of a titled commune', () =>
      given(...titled)
        .when(request())
        .then(event('FairOMeterRequested', { edition: '2025', dueOn: '2025-06-30', requestedAt: NOW })));

    it('opens it for a commune losing momentum too', () =>
      given(...losingMomentum)
        .when(request())
        .thenMatches({ type: 'FairOMeterRequested' }));

    it('decides nothing when the same edition is requested again, or was already answered', () => {
      given(...titled, fairOMeterRequested())
        .when(request())
        .thenNothing();
      given(...renewalUnderReview)
        .when(request())
        .thenNothing();
      given(...renewed)
        .when(request())
        .thenNothing();
    });

    it('is refused while another edition is open', () =>
      given(...titled, fairOMeterRequested('2023'))
        .when(request('2025'))
        .thenThrows('FAIR_O_METER_ALREADY_OPEN', /2023/));

    it('is refused with a due date that is not after today', () =>
      given(...titled)
        .when(request('2025', '2025-02-28'))
        .thenThrows('DUE_DATE_IN_PAST'));

    it('is refused for a commune that does not hold the title', () =>
      given(...candidate)
        .when(request())
        .thenThrows('NOT_TITLED'));

    it('is refused while a renewal of another edition is under review', () =>
      given(...renewalUnderReview)
        .when(request('2027'))
        .thenThrows('RENEWAL_IN_PROGRESS'));
  });

  describe('SubmitFairOMeter', () => {
    it('records the four blocks, the figures and the total', () =>
      given(...titled, fairOMeterRequested())
        .when(submit())
        .then(
          event('FairOMeterSubmitted', {
            edition: '2025',
            blocks: BLOCKS,
            figures: FIGURES,
            total: 76.48,
            submittedAt: NOW,
          }),
        ));

    it('is refused with a block outside 0–25', () => {
      given(...titled, fairOMeterRequested())
        .when(submit({ ...BLOCKS, events: 25.5 }))
        .thenThrows('INVALID_SCORE', /events/);
      given(...titled, fairOMeterRequested())
        .when(submit({ ...BLOCKS, communalPolicy: -1 }))
        .thenThrows('INVALID_SCORE', /communalPolicy/);
    });

    it('is refused with a figure that is not a whole number ≥ 0', () =>
      given(...titled, fairOMeterRequested())
        .when(submit(BLOCKS, { ...FIGURES, volunteers: 2.5 }))
        .thenThrows('INVALID_FIGURE', /volunteers/));

    it('is refused when no Fair-ô-mètre was requested', () =>
      given(...titled)
        .when(submit())
        .thenThrows('NO_FAIR_O_METER_REQUESTED'));

    it('is refused for another edition than the one requested', () =>
      given(...titled, fairOMeterRequested('2023'))
        .when(submit(BLOCKS, FIGURES, '2025'))
        .thenThrows('FAIR_O_METER_EDITION_MISMATCH'));

    it('is refused while the renewal is already under review', () =>
      given(...renewalUnderReview)
        .when(submit())
        .thenThrows('RENEWAL_IN_PROGRESS'));
  });

  describe('ScoreFairOMeter', () => {
    it('records the default grade for the total when the reviewer gives none', () =>
      given(...renewalUnderReview)
        .when(command('ScoreFairOMeter', { reviewerId: REVIEWER }))
        .then(
          event('FairOMeterScored', {
            edition: '2025',
            total: 76.48,
            grade: 'B',
            suggestedGrade: 'B',
            reviewerId: REVIEWER,
            scoredAt: NOW,
          }),
        ));

    it("records the reviewer's own grade next to the suggested one", () =>
      given(...renewalUnderReview)
        .when(command('ScoreFairOMeter', { reviewerId: REVIEWER, grade: 'A' }))
        .thenMatches({ type: 'FairOMeterScored', data: { grade: 'A', suggestedGrade: 'B' } }));

    it('decides nothing when the same reviewer records the same grade again', () =>
      given(...renewalScored)
        .when(command('ScoreFairOMeter', { reviewerId: REVIEWER, grade: 'B' }))
        .thenNothing());

    it('records a corrected grade', () =>
      given(...renewalScored)
        .when(command('ScoreFairOMeter', { reviewerId: REVIEWER, grade: 'C' }))
        .thenMatches({ type: 'FairOMeterScored', data: { grade: 'C' } }));

    it('is refused with a grade outside A–E', () =>
      given(...renewalUnderReview)
        .when(command('ScoreFairOMeter', { reviewerId: REVIEWER, grade: 'F' as 'A' }))
        .thenThrows('INVALID_GRADE'));

    it('is refused when no renewal is under review', () =>
      given(...titled)
        .when(command('ScoreFairOMeter', { reviewerId: REVIEWER }))
        .thenThrows('NO_RENEWAL_UNDER_REVIEW'));
  });

  describe('RenewTitle', () => {
    it('renews for the next cycle, starting the day after the current title ends', () =>
      given(...renewalScored)
        .when(command('RenewTitle', {}))
        .then(
          event('TitleRenewed', {
            cycle: 2,
            validFrom: '2025-10-11',
            validUntil: '2027-10-10',
            edition: '2025',
            grade: 'B',
            renewedAt: NOW,
          }),
        ));

    it('uses the given start date and validity', () =>
      given(...renewalScored)
        .when(command('RenewTitle', { validFrom: '2025-03-01', validityMonths: 36 }))
        .thenMatches({ type: 'TitleRenewed', data: { validFrom: '2025-03-01', validUntil: '2028-02-29' } }));

    it('is refused with a start date not after the current title started', () =>
      given(...renewalScored)
        .when(command('RenewTitle', { validFrom: '2023-10-11' }))
        .thenThrows('DATES_OUT_OF_ORDER'));

    it('is refused before the Fair-ô-mètre is scored', () =>
      given(...renewalUnderReview)
        .when(command('RenewTitle', {}))
        .thenThrows('FAIR_O_METER_NOT_SCORED'));

    it('is refused with an invalid validity', () =>
      given(...renewalScored)
        .when(command('RenewTitle', { validityMonths: 121 }))
        .thenThrows('INVALID_VALIDITY'));

    it('is refused when no renewal is under review', () =>
      given(...renewed)
        .when(command('RenewTitle', {}))
        .thenThrows('NO_RENEWAL_UNDER_REVIEW'));
  });

  describe('RefuseRenewal', () => {
    it('records the reasons', () =>
      given(...renewalUnderReview, fairOMeterScored('E'))
        .when(command('RefuseRenewal', { reasons: ['No activity since 2023'] }))
        .then(event('RenewalRefused', { edition: '2025', reasons: ['No activity since 2023'], refusedAt: NOW })));

    it('is refused without a reason', () =>
      given(...renewalUnderReview)
        .when(command('RefuseRenewal', { reasons: [''] }))
        .thenThrows('REASONS_REQUIRED'));

    it('is refused when no renewal is under review', () =>
      given(...titled)
        .when(command('RefuseRenewal', { reasons: ['x'] }))
        .thenThrows('NO_RENEWAL_UNDER_REVIEW'));
  });
});
