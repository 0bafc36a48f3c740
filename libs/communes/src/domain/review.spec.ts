import {
  candidacyOpened,
  candidate,
  dossierSubmitted,
  reviewStarted,
  changesRequested,
  command,
  event,
  given,
  lapsed,
  NOW,
  REVIEWER,
  reviewing,
  titled,
  underReview,
} from './testing/commune.fixtures';

const comment = (criterion = 4, commentId = 'c-1') =>
  command('CommentOnCriterion', {
    commentId,
    criterion: criterion as 4,
    comment: 'Where are the articles?',
    authorId: REVIEWER,
  });

describe('Commune — review of a dossier', () => {
  describe('StartReview', () => {
    it('assigns the reviewer to the dossier under review', () =>
      given(...underReview)
        .when(command('StartReview', { reviewerId: REVIEWER }))
        .then(event('DossierReviewStarted', { dossier: 1, reviewerId: REVIEWER, startedAt: NOW })));

    it('re-assigns the dossier to another reviewer', () =>
      given(...reviewing)
        .when(command('StartReview', { reviewerId: 'person-reviewer-2' }))
        .then(event('DossierReviewStarted', { dossier: 1, reviewerId: 'person-reviewer-2', startedAt: NOW })));

    it('decides nothing when the same reviewer is assigned again', () =>
      given(...reviewing)
        .when(command('StartReview', { reviewerId: REVIEWER }))
        .thenNothing());

    it('is refused when no dossier is under review', () => {
      given(...candidate)
        .when(command('StartReview', { reviewerId: REVIEWER }))
        .thenThrows('DOSSIER_NOT_UNDER_REVIEW');
      given(...changesRequested)
        .when(command('StartReview', { reviewerId: REVIEWER }))
        .thenThrows('DOSSIER_NOT_UNDER_REVIEW');
    });
  });

  describe('CommentOnCriterion', () => {
    it('adds the comment to the criterion', () =>
      given(...reviewing)
        .when(comment())
        .then(
          event('ReviewCommentAdded', {
            dossier: 1,
            commentId: 'c-1',
            criterion: 4,
            comment: 'Where are the articles?',
            authorId: REVIEWER,
            at: NOW,
          }),
        ));

    it('is refused before a reviewer is assigned', () =>
      given(...underReview)
        .when(comment())
        .thenThrows('REVIEW_NOT_STARTED'));

    it('is refused for a criterion that does not exist', () =>
      given(...reviewing)
        .when(comment(7))
        .thenThrows('UNKNOWN_CRITERION', /1 to 6/));

    it('is refused with a comment id already used', () =>
      given(
        ...reviewing,
        event('ReviewCommentAdded', {
          dossier: 1,
          commentId: 'c-1',
          criterion: 2,
          comment: 'ok',
          authorId: REVIEWER,
          at: NOW,
        }),
      )
        .when(comment())
        .thenThrows('ID_ALREADY_USED'));

    it('is refused when no dossier is under review', () =>
      given(...titled)
        .when(comment())
        .thenThrows('DOSSIER_NOT_UNDER_REVIEW'));
  });

  describe('RequestChanges', () => {
    const request = (dueOn = '2025-04-30', changes = [{ criterion: 2 as const, reason: 'List the horeca products' }]) =>
      command('RequestChanges', { changes, dueOn });

    it('records the per-criterion reasons and the due date', () =>
      given(...reviewing)
        .when(request())
        .then(
          event('ChangesRequested', {
            dossier: 1,
            reviewerId: REVIEWER,
            changes: [{ criterion: 2, reason: 'List the horeca products' }],
            dueOn: '2025-04-30',
            requestedAt: NOW,
          }),
        ));

    it('is refused without any change', () =>
      given(...reviewing)
        .when(request('2025-04-30', []))
        .thenThrows('REASONS_REQUIRED'));

    it('is refused with a blank reason', () =>
      given(...reviewing)
        .when(request('2025-04-30', [{ criterion: 2, reason: '  ' }]))
        .thenThrows('REASONS_REQUIRED'));

    it('is refused for an unknown criterion', () =>
      given(...reviewing)
        .when(command('RequestChanges', { changes: [{ criterion: 0 as 1, reason: 'x' }], dueOn: '2025-04-30' }))
        .thenThrows('UNKNOWN_CRITERION'));

    it('is refused with a due date that is not after today', () =>
      given(...reviewing)
        .when(request('2025-03-01'))
        .thenThrows('DUE_DATE_IN_PAST'));

    it('is refused before a reviewer is assigned', () =>
      given(...underReview)
        .when(request())
        .thenThrows('REVIEW_NOT_STARTED'));
  });

  describe('ApproveDossier', () => {
    it('approves the dossier and awards cycle 1 for two years from today in Belgium', () =>
      given(...reviewing)
        .when(command('ApproveDossier', {}))
        .then(
          event('DossierApproved', { dossier: 1, reviewerId: REVIEWER, approvedAt: NOW }),
          event('TitleAwarded', { cycle: 1, validFrom: '2025-03-01', validUntil: '2027-02-28' }),
        ));

    it('takes the Belgian day, not the UTC day, around midnight', () =>
      given(...reviewing)
        .when(command('ApproveDossier', {}, '2025-03-01T23:30:00.000Z'))
        .thenMatches({ type: 'DossierApproved' }, { type: 'TitleAwarded', data: { validFrom: '2025-03-02' } }));

    it('uses the given start date and validity', () =>
      given(...reviewing)
        .when(command('ApproveDossier', { validFrom: '2025-10-11', validityMonths: 12 }))
        .thenMatches(
          { type: 'DossierApproved' },
          { type: 'TitleAwarded', data: { cycle: 1, validFrom: '2025-10-11', validUntil: '2026-10-10' } },
        ));

    it('continues the cycle numbering after an earlier title', () => {
      const recandidate = [...lapsed, candidacyOpened(2)];
      given(...recandidate, dossierSubmitted(recandidate, 2), reviewStarted(2))
        .when(command('ApproveDossier', {}))
        .thenMatches({ type: 'DossierApproved', data: { dossier: 2 } }, { type: 'TitleAwarded', data: { cycle: 2 } });
    });

    it('is refused with a validity that is not 1 to 120 whole months', () => {
      given(...reviewing)
        .when(command('ApproveDossier', { validityMonths: 0 }))
        .thenThrows('INVALID_VALIDITY');
      given(...reviewing)
        .when(command('ApproveDossier', { validityMonths: 1.5 }))
        .thenThrows('INVALID_VALIDITY');
    });

    it('is refused before a reviewer is assigned', () =>
      given(...underReview)
        .when(command('ApproveDossier', {}))
        .thenThrows('REVIEW_NOT_STARTED'));

    it('is refused when no dossier is under review', () =>
      given(...titled)
        .when(command('ApproveDossier', {}))
        .thenThrows('DOSSIER_NOT_UNDER_REVIEW'));
  });

  describe('RejectDossier', () => {
    it('records the reasons', () =>
      given(...reviewing)
        .when(command('RejectDossier', { reasons: ['No COPIL activity'] }))
        .then(
          event('DossierRejected', {
            dossier: 1,
            reviewerId: REVIEWER,
            reasons: ['No COPIL activity'],
            rejectedAt: NOW,
          }),
        ));

    it('is refused without a reason', () =>
      given(...reviewing)
        .when(command('RejectDossier', { reasons: [] }))
        .thenThrows('REASONS_REQUIRED'));

    it('is refused when no dossier is under review', () =>
      given(...candidate)
        .when(command('RejectDossier', { reasons: ['x'] }))
        .thenThrows('DOSSIER_NOT_UNDER_REVIEW'));
  });
});
