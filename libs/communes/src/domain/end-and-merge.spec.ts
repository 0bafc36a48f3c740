import {
  candidate,
  command,
  councilResolutionRecorded,
  event,
  FIRST_TITLE,
  given,
  LATER,
  lapsed,
  losingMomentum,
  NIS,
  NOW,
  OTHER_NIS,
  renewalUnderReview,
  renewed,
  titled,
  underReview,
} from './testing/commune.fixtures';

const SUCCESSOR = '82039';

describe('Commune — end of title, mergers and elections', () => {
  describe('DeclareTitleLapsed', () => {
    it('records the lapse once the title period is over', () =>
      given(...titled)
        .when(command('DeclareTitleLapsed', { reasons: ['No Fair-ô-mètre'] }, LATER))
        .then(
          event('TitleLapsed', {
            cycle: 1,
            validUntil: FIRST_TITLE.validUntil,
            reasons: ['No Fair-ô-mètre'],
            lapsedAt: LATER,
          }),
        ));

    it('is refused while the title is still valid', () =>
      given(...titled)
        .when(command('DeclareTitleLapsed', {}))
        .thenThrows('TITLE_STILL_VALID', /2025-10-10/));

    it('is refused during a renewal review, and without a title', () => {
      given(...renewalUnderReview)
        .when(command('DeclareTitleLapsed', {}, LATER))
        .thenThrows('RENEWAL_IN_PROGRESS');
      given(...candidate)
        .when(command('DeclareTitleLapsed', {}, LATER))
        .thenThrows('NOT_TITLED');
    });
  });

  describe('RelinquishTitle', () => {
    it('records the commune giving its title back', () =>
      given(...losingMomentum)
        .when(command('RelinquishTitle', { reasons: ['Budget cuts'] }))
        .then(event('TitleRelinquished', { cycle: 1, reasons: ['Budget cuts'], relinquishedAt: NOW })));

    it('is refused without a reason', () =>
      given(...titled)
        .when(command('RelinquishTitle', { reasons: [] }))
        .thenThrows('REASONS_REQUIRED'));

    it('is refused without a title', () =>
      given(...lapsed)
        .when(command('RelinquishTitle', { reasons: ['x'] }))
        .thenThrows('NOT_TITLED'));
  });

  describe('WithdrawTitle', () => {
    it('records the coordination withdrawing the title', () =>
      given(...renewed)
        .when(command('WithdrawTitle', { reasons: ['Resolution revoked'] }))
        .then(event('TitleWithdrawn', { cycle: 2, reasons: ['Resolution revoked'], withdrawnAt: NOW })));

    it('is refused without a reason', () =>
      given(...titled)
        .when(command('WithdrawTitle', { reasons: [' '] }))
        .thenThrows('REASONS_REQUIRED'));

    it('is refused without a title', () =>
      given(...underReview)
        .when(command('WithdrawTitle', { reasons: ['x'] }))
        .thenThrows('NOT_TITLED'));
  });

  describe('MergeInto', () => {
    const mergeInto = (nis = NIS, successorNis = SUCCESSOR) =>
      command('MergeInto', { nis, successorNis, effectiveOn: '2024-12-02' });

    it('closes the stream with a snapshot of the title held', () =>
      given(...titled)
        .when(mergeInto())
        .then(
          event('MunicipalityMerged', {
            nis: NIS,
            successorNis: SUCCESSOR,
            effectiveOn: '2024-12-02',
            status: 'titled',
            title: FIRST_TITLE,
            lastCycle: 1,
          }),
        ));

    it('carries no title for a candidate', () =>
      given(...candidate)
        .when(mergeInto())
        .thenMatches({ type: 'MunicipalityMerged', data: { status: 'candidate', title: null } }));

    it('works for a commune that was never engaged', () =>
      given()
        .when(mergeInto())
        .thenMatches({ type: 'MunicipalityMerged', data: { status: 'not_engaged', lastCycle: 0 } }));

    it('is refused into itself, with another NIS, or a malformed one', () => {
      given(...titled)
        .when(mergeInto(NIS, NIS))
        .thenThrows('MERGE_INTO_SELF');
      given(...titled)
        .when(mergeInto(OTHER_NIS))
        .thenThrows('NIS_MISMATCH');
      given(...titled)
        .when(mergeInto(NIS, 'x'))
        .thenThrows('INVALID_NIS');
    });
  });

  describe('RecordPredecessorMerged', () => {
    const predecessor = (
      status: 'titled' | 'candidate' | 'lapsed',
      title: typeof FIRST_TITLE | null,
      predecessorNis = NIS,
    ) =>
      command('RecordPredecessorMerged', {
        nis: SUCCESSOR,
        predecessorNis,
        effectiveOn: '2024-12-02',
        predecessorStatus: status,
        predecessorTitle: title,
      });
    const inheritedBy = (history: Parameters<typeof given>, predecessorTitle = FIRST_TITLE) =>
      given(...history).when(predecessor('titled', predecessorTitle));

    it('a successor without a title inherits a title still valid, as its next cycle, from the merger day', () =>
      inheritedBy([]).then(
        event('PredecessorMerged', {
          nis: SUCCESSOR,
          predecessorNis: NIS,
          effectiveOn: '2024-12-02',
          predecessorStatus: 'titled',
          predecessorTitle: FIRST_TITLE,
          inheritedTitle: { cycle: 1, validFrom: '2024-12-02', validUntil: FIRST_TITLE.validUntil },
        }),
      ));

    const successorTitled = event('PredecessorMerged', {
      nis: SUCCESSOR,
      predecessorNis: '82005',
      effectiveOn: '2024-12-02',
      predecessorStatus: 'titled',
      predecessorTitle: { cycle: 3, validFrom: '2023-01-01', validUntil: '2025-06-30' },
      inheritedTitle: { cycle: 1, validFrom: '2024-12-02', validUntil: '2025-06-30' },
    });

    it('a titled successor takes the later end date of the two titles', () =>
      inheritedBy([successorTitled]).thenMatches({
        type: 'PredecessorMerged',
        data: { inheritedTitle: { cycle: 1, validFrom: '2024-12-02', validUntil: FIRST_TITLE.validUntil } },
      }));

    it('a titled successor whose own title runs longer inherits nothing', () =>
      inheritedBy([successorTitled], { cycle: 1, validFrom: '2023-01-01', validUntil: '2025-01-31' }).thenMatches({
        type: 'PredecessorMerged',
        data: { inheritedTitle: null },
      }));

    it('inherits nothing from a predecessor without a valid title', () => {
      given()
        .when(predecessor('candidate', null))
        .thenMatches({ type: 'PredecessorMerged', data: { inheritedTitle: null } });
      given()
        .when(predecessor('lapsed', FIRST_TITLE))
        .thenMatches({ type: 'PredecessorMerged', data: { inheritedTitle: null } });
      inheritedBy([], { cycle: 1, validFrom: '2022-01-01', validUntil: '2024-12-01' }).thenMatches({
        type: 'PredecessorMerged',
        data: { inheritedTitle: null },
      });
    });

    it('decides nothing when the same predecessor is recorded again', () =>
      given(successorTitled)
        .when(predecessor('titled', FIRST_TITLE, '82005'))
        .thenNothing());

    it('is refused when the predecessor is the commune itself', () =>
      given()
        .when(predecessor('titled', FIRST_TITLE, SUCCESSOR))
        .thenThrows('MERGE_INTO_SELF'));

    it("is refused on another commune's stream", () =>
      given(...titled)
        .when(predecessor('titled', FIRST_TITLE))
        .thenThrows('NIS_MISMATCH'));
  });

  describe('RecordLocalElection', () => {
    const election = (heldOn = '2024-10-13') => command('RecordLocalElection', { heldOn });

    it('records the election; a resolution voted before it now needs re-confirmation', () =>
      given(...titled)
        .when(election())
        .then(event('LocalElectionHeld', { heldOn: '2024-10-13', resolutionNeedsReconfirmation: true })));

    it('needs no re-confirmation when there is no resolution or it was voted after the election', () => {
      given()
        .when(election())
        .then(event('LocalElectionHeld', { heldOn: '2024-10-13', resolutionNeedsReconfirmation: false }));
      given(...titled, councilResolutionRecorded('2024-12-01'))
        .when(election())
        .then(event('LocalElectionHeld', { heldOn: '2024-10-13', resolutionNeedsReconfirmation: false }));
    });

    it('decides nothing for the same election twice', () =>
      given(...titled, event('LocalElectionHeld', { heldOn: '2024-10-13', resolutionNeedsReconfirmation: true }))
        .when(election())
        .thenNothing());

    it('is refused before the last recorded election, or in the future', () => {
      given(...titled, event('LocalElectionHeld', { heldOn: '2024-10-13', resolutionNeedsReconfirmation: true }))
        .when(election('2018-10-14'))
        .thenThrows('DATES_OUT_OF_ORDER');
      given(...titled)
        .when(election('2030-10-13'))
        .thenThrows('DATE_IN_FUTURE');
    });
  });
});
