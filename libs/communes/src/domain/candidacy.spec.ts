import { CDCE_2022 } from './criteria/cdce-2022.criteria-set';
import { evaluateCriteria } from './criteria/evaluate-criteria';
import {
  candidacyOpened,
  candidate,
  changesRequested,
  command,
  completeEvidence,
  event,
  given,
  lapsed,
  losingMomentum,
  NIS,
  NOW,
  POPULATION,
  stateAfter,
  titled,
  underReview,
} from './testing/commune.fixtures';

const submit = (acknowledgeIncomplete?: boolean) =>
  command('SubmitDossier', { criteriaSet: CDCE_2022, population: POPULATION, acknowledgeIncomplete });

describe('Commune — candidacy', () => {
  describe('OpenCandidacy', () => {
    it('opens the first candidacy of a commune that was not engaged', () =>
      given()
        .when(command('OpenCandidacy', { nis: NIS }))
        .then(event('CandidacyOpened', { nis: NIS, candidacy: 1, openedAt: NOW })));

    it('opens a re-candidacy after the title lapsed, numbering it after the first', () =>
      given(...lapsed)
        .when(command('OpenCandidacy', { nis: NIS }))
        .then(event('CandidacyOpened', { nis: NIS, candidacy: 2, openedAt: NOW })));

    it('is refused for a commune that is already a candidate', () =>
      given(candidacyOpened())
        .when(command('OpenCandidacy', { nis: NIS }))
        .thenThrows('ALREADY_CANDIDATE'));

    it('is refused while a dossier is under review', () =>
      given(...underReview)
        .when(command('OpenCandidacy', { nis: NIS }))
        .thenThrows('ALREADY_CANDIDATE'));

    it('is refused for a titled commune, even one losing momentum', () => {
      given(...titled)
        .when(command('OpenCandidacy', { nis: NIS }))
        .thenThrows('ALREADY_TITLED');
      given(...losingMomentum)
        .when(command('OpenCandidacy', { nis: NIS }))
        .thenThrows('ALREADY_TITLED');
    });

    it('is refused with a malformed NIS code', () =>
      given()
        .when(command('OpenCandidacy', { nis: '9209' }))
        .thenThrows('INVALID_NIS'));

    it("is refused when the NIS is not the stream's commune", () =>
      given(...lapsed)
        .when(command('OpenCandidacy', { nis: '25112' }))
        .thenThrows('NIS_MISMATCH', /25112.*92094/));
  });

  describe('SubmitDossier', () => {
    it('records the checklist evaluated against the criteria set and the population', () => {
      const { evidence } = stateAfter(...candidate);
      given(...candidate)
        .when(submit())
        .then(
          event('DossierSubmitted', {
            dossier: 1,
            criteriaSetId: 'cdce-2022',
            population: POPULATION,
            checklist: evaluateCriteria(evidence, CDCE_2022, POPULATION),
            unmetCriteria: [],
            acknowledgedIncomplete: false,
            submittedAt: NOW,
          }),
        );
    });

    it('refuses a dossier with unmet criteria unless the commune acknowledges it', () =>
      given(candidacyOpened())
        .when(submit())
        .thenThrows('DOSSIER_INCOMPLETE', /Criteria 1, 2, 3, 4, 5, 6 are not met/));

    it('accepts an acknowledged incomplete dossier and flags the unmet criteria for the reviewer', () =>
      given(candidacyOpened(), ...completeEvidence.slice(0, 5))
        .when(submit(true))
        .thenMatches({
          type: 'DossierSubmitted',
          data: { unmetCriteria: [2, 3, 4, 6], acknowledgedIncomplete: true },
        }));

    it('resubmits after changes were requested, as dossier number 2', () =>
      given(...changesRequested)
        .when(submit())
        .thenMatches({ type: 'DossierSubmitted', data: { dossier: 2, unmetCriteria: [] } }));

    it('is refused for a commune that is not a candidate', () => {
      given().when(submit()).thenThrows('NOT_A_CANDIDATE');
      given(...underReview)
        .when(submit())
        .thenThrows('NOT_A_CANDIDATE');
      given(...titled)
        .when(submit())
        .thenThrows('NOT_A_CANDIDATE', /now titled/);
    });

    it('is refused with a population that is not a positive whole number', () =>
      given(...candidate)
        .when(command('SubmitDossier', { criteriaSet: CDCE_2022, population: 0 }))
        .thenThrows('INVALID_POPULATION'));
  });

  describe('AbandonCandidacy', () => {
    it('is recorded for a candidate, with its reasons', () =>
      given(...candidate)
        .when(command('AbandonCandidacy', { reasons: ['No volunteers left'] }))
        .then(event('CandidacyAbandoned', { reasons: ['No volunteers left'], abandonedAt: NOW })));

    it('is recorded while changes are requested', () =>
      given(...changesRequested)
        .when(command('AbandonCandidacy', {}))
        .then(event('CandidacyAbandoned', { reasons: [], abandonedAt: NOW })));

    it('is refused while the dossier is under review', () =>
      given(...underReview)
        .when(command('AbandonCandidacy', {}))
        .thenThrows('NOT_A_CANDIDATE', /under review/));

    it('is refused for a titled commune', () =>
      given(...titled)
        .when(command('AbandonCandidacy', {}))
        .thenThrows('NOT_A_CANDIDATE'));
  });
});
