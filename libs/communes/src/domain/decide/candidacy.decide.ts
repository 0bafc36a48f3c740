import type { AbandonCandidacy, OpenCandidacy, SubmitDossier } from '../commune.commands';
import type { CandidacyAbandoned, CandidacyOpened, DossierSubmitted } from '../commune.events';
import type { Commune } from '../commune.state';
import { holdsTitle } from '../commune.state';
import { refuse } from '../commune.errors';
import { evaluateCriteria, unmetCriteria } from '../criteria/evaluate-criteria';
import { candidate, notMerged, sameCommune, validNis } from './guards';

/** From not engaged, or after the title ended (lapsed, relinquished, withdrawn): a re-candidacy keeps the history. */
export function openCandidacy({ data, now }: OpenCandidacy, state: Commune): CandidacyOpened[] {
  const current = notMerged(state, 'open a candidacy');
  const nis = validNis(data.nis, 'The commune');
  sameCommune(current, nis);
  if (current.status === 'candidate' || current.status === 'under_review' || current.status === 'changes_requested')
    throw refuse('ALREADY_CANDIDATE', `Commune ${nis} is already a candidate (now ${current.status}).`);
  if (holdsTitle(current))
    throw refuse(
      'ALREADY_TITLED',
      `Commune ${nis} already holds the title (now ${current.status}): it renews it through the Fair-ô-mètre.`,
    );
  return [{ type: 'CandidacyOpened', data: { nis, candidacy: current.candidacies + 1, openedAt: now } }];
}

/**
 * Records the dossier with its checklist evaluated against the criteria set in force. Unmet criteria do not bar
 * the title (the reviewer decides), but the commune must say it submits knowingly (`acknowledgeIncomplete`).
 */
export function submitDossier({ data, now }: SubmitDossier, state: Commune): DossierSubmitted[] {
  const current = candidate(state, 'submit a dossier');
  const checklist = evaluateCriteria(current.evidence, data.criteriaSet, data.population);
  const unmet = unmetCriteria(checklist);
  if (unmet.length > 0 && data.acknowledgeIncomplete !== true)
    throw refuse(
      'DOSSIER_INCOMPLETE',
      `Criteria ${unmet.join(', ')} are not met under ${data.criteriaSet.id}: complete the evidence, or submit again ` +
        'with acknowledgeIncomplete to let the reviewer decide.',
      { unmetCriteria: unmet, checklist },
    );
  return [
    {
      type: 'DossierSubmitted',
      data: {
        dossier: current.dossiers + 1,
        criteriaSetId: data.criteriaSet.id,
        population: data.population,
        checklist,
        unmetCriteria: unmet,
        acknowledgedIncomplete: unmet.length > 0,
        submittedAt: now,
      },
    },
  ];
}

export function abandonCandidacy({ data, now }: AbandonCandidacy, state: Commune): CandidacyAbandoned[] {
  if (state.status === 'under_review')
    throw refuse(
      'NOT_A_CANDIDATE',
      'Cannot abandon the candidacy while its dossier is under review: wait for the decision.',
    );
  candidate(state, 'abandon the candidacy');
  return [{ type: 'CandidacyAbandoned', data: { reasons: [...(data.reasons ?? [])], abandonedAt: now } }];
}
