import { addDays, type CriterionChange } from '@cdce/communes';
import { dayBetween, later } from '../dates';
import type { StoryWriter } from '../story-writer';
import {
  communicationAction,
  gatherEvidence,
  localProductAction,
  openCandidacy,
  submitAndReview,
} from './candidacy.chapter';

/** How a commune reaches its title. */
export type AwardPath = 'direct' | 'changes' | 'rejected-first';

const CHANGES: readonly CriterionChange[][] = [
  [{ criterion: 4, reason: 'Joindre au moins une action de communication grand public récente.' }],
  [{ criterion: 6, reason: 'Décrire l’action en faveur des produits locaux et durables.' }],
  [
    { criterion: 5, reason: 'Préciser la fréquence des réunions du COPIL.' },
    { criterion: 4, reason: 'Ajouter un article dans le bulletin communal.' },
  ],
];

/**
 * From the candidacy to the award at the Semaine du commerce équitable of `year` (early October, or `ceremony`).
 * Returns the day the title starts. The first wave (2015) opens its candidacy in January 2015, where the recorded history begins.
 */
export function awardStory(w: StoryWriter, year: number, path: AwardPath, ceremony?: string): string {
  const rng = w.rng;
  const opened =
    year === 2015
      ? dayBetween(rng, '2015-01-05', '2015-01-30')
      : dayBetween(rng, `${year - 1}-01-10`, `${year - 1}-10-31`);
  const awardedOn = ceremony ?? dayBetween(rng, `${year}-10-01`, `${year}-10-20`);
  openCandidacy(w, opened);
  if (path === 'rejected-first') return rejectedThenAwarded(w, opened, year, awardedOn);
  const submitOn = later(
    path === 'changes'
      ? dayBetween(rng, `${year}-02-15`, `${year}-04-30`)
      : dayBetween(rng, `${year}-04-01`, `${year}-06-20`),
    addDays(opened, 150),
  );
  gatherEvidence(w, { from: opened, to: addDays(submitOn, -5) });
  if (path === 'changes') {
    const asked = submitAndReview(w, submitOn, { kind: 'changes', changes: rng.pick(CHANGES) });
    const fixed = addDays(asked, rng.int(15, 40));
    communicationAction(w, fixed);
    localProductAction(w, fixed);
    return submitAndReview(w, addDays(fixed, 2), approval(awardedOn));
  }
  return submitAndReview(w, submitOn, approval(awardedOn));
}

function approval(on: string) {
  return { kind: 'approve' as const, on };
}

/** A first dossier, incomplete and refused; a year of work; a second dossier, approved. */
function rejectedThenAwarded(w: StoryWriter, opened: string, year: number, awardedOn: string): string {
  const rng = w.rng;
  const firstSubmit = later(dayBetween(w.rng, `${year - 1}-09-01`, `${year - 1}-10-10`), addDays(opened, 120));
  gatherEvidence(w, { from: opened, to: addDays(firstSubmit, -5), completeness: 0.6 });
  const rejected = submitAndReview(
    w,
    firstSubmit,
    {
      kind: 'reject',
      reasons: [
        'Trop peu de commerces et d’horeca partenaires pour la population de la commune.',
        'Le dossier ne montre pas encore d’action de communication vers les habitants.',
      ],
    },
    { acknowledgeIncomplete: true },
  );
  const resubmit = later(dayBetween(rng, `${year}-04-01`, `${year}-06-20`), addDays(rejected, 90));
  gatherEvidence(w, {
    from: addDays(rejected, 10),
    to: addDays(resubmit, -5),
    parts: ['copil', 'partners', 'actions'],
  });
  return submitAndReview(w, resubmit, approval(awardedOn));
}
