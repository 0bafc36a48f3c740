import { addDays, type MomentumReason } from '@cdce/communes';
import type { StoryWriter } from '../story-writer';

export interface MomentumPlan {
  /** Day of the alert; the commune must hold its title then, outside a renewal review. */
  readonly alertOn: string;
  /** False when the commune already lost momentum otherwise (a refused renewal): the plan opens at once. */
  readonly raiseAlert?: boolean;
  readonly reasons: readonly MomentumReason[];
  readonly note?: string;
  /** A titled commune that accompanies this one. */
  readonly sponsorNis?: string;
  /** Momentum comes back that day; without it the commune is still losing momentum at the end of the story. */
  readonly restoredOn?: string;
  /** Last day actions may be planned (an episode still open at the end of the story). */
  readonly until: string;
}

const DIFFICULTIES = [
  'COPIL vieillissant : plusieurs membres historiques ont quitté le comité',
  'Moins de temps de travail communal consacré à la campagne',
  'Le nouveau collège n’a pas encore repris l’engagement',
  'Peu d’événements organisés depuis deux ans',
];
const ACTIONS = [
  'Rencontre avec la commune marraine pour partager ses outils',
  'Atelier de relance du COPIL animé par la coordination',
  'Appel à bénévoles dans le bulletin communal',
  'Participation au webinaire thématique sur la mobilisation des commerçants',
  'Présentation de la campagne au nouveau collège communal',
];

/** An alert, a support plan with a sponsor commune and a few support actions; momentum restored or not. */
export function momentumEpisode(w: StoryWriter, plan: MomentumPlan): void {
  const rng = w.rng;
  if (plan.raiseAlert !== false)
    w.byCoordination(plan.alertOn, {
      type: 'RaiseMomentumAlert',
      data: { alertId: w.id('alert'), reasons: plan.reasons, ...(plan.note ? { note: plan.note } : {}) },
    });
  const opened = addDays(plan.alertOn, rng.int(10, 30));
  if (opened >= plan.until) return;
  w.byCoordination(opened, {
    type: 'OpenSupportPlan',
    data: { difficulties: rng.sample(DIFFICULTIES, rng.int(1, 2)), plannedActions: rng.sample(ACTIONS, rng.int(2, 3)) },
  });
  if (plan.sponsorNis)
    w.byCoordination(addDays(opened, rng.int(5, 20)), { type: 'AssignSponsor', data: { sponsorNis: plan.sponsorNis } });
  const end = plan.restoredOn ?? plan.until;
  for (let day = addDays(opened, rng.int(30, 60)); day < end; day = addDays(day, rng.int(45, 90))) {
    w.byCoordination(day, {
      type: 'RecordSupportAction',
      data: { actionId: w.id('support'), occurredOn: day, summary: rng.pick(ACTIONS) },
    });
  }
  if (plan.restoredOn)
    w.byCoordination(plan.restoredOn, {
      type: 'RestoreMomentum',
      data: { note: 'Le COPIL s’est renouvelé et a relancé ses actions.' },
    });
}
