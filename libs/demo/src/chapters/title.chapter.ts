import { addDays, type FairOMeterBlocks, type Grade, periodEnd } from '@cdce/communes';
import { DEMO_HORIZON, FAIR_O_METER_EDITIONS } from '../campaign-calendar';
import { dayBetween, earlier } from '../dates';
import { communicationAction, copilMeetings, localProductAction } from './candidacy.chapter';
import type { StoryWriter } from '../story-writer';
import { firstEditionAfter, monthsToFirstRenewal } from '../title-cycle';

/** What a commune does with one Fair-ô-mètre edition. */
export type EditionPlan =
  | { readonly kind: 'renew'; readonly level?: number; readonly grade?: Grade; readonly renewFrom?: 'today' }
  | { readonly kind: 'refuse'; readonly reasons: readonly string[] }
  | { readonly kind: 'ignore' };

export interface TitlePlan {
  /** First day of the title (the award ceremony, or the merger for an inherited title). */
  readonly validFrom: string;
  /** Last day of the first period when it is not the campaign's default (an inherited title). */
  readonly validUntil?: string;
  /** How engaged the commune is, 0–1: drives its Fair-ô-mètre scores. */
  readonly level: number;
  /** The title's story ends that day (relinquished, lapsed, merged): nothing is planned from then on. */
  readonly until?: string;
  /** Edition by edition; editions not listed are renewed. */
  readonly editions?: Readonly<Record<number, EditionPlan>>;
  /** Forces the first edition (an inherited title answers the next one). */
  readonly firstEdition?: number;
  /** COPIL meetings stop from that day (a committee running out of steam). */
  readonly meetingsUntil?: string;
  /** Real Fair-ô-mètre blocks to use for an edition (Bastogne's are public). */
  readonly blocks?: Readonly<Record<number, FairOMeterBlocks>>;
}

/** Records the award's period and plays the title's life: COPIL meetings, actions, Fair-ô-mètre editions. */
export function holdTitle(
  w: StoryWriter,
  plan: TitlePlan,
  validityMonths = monthsToFirstRenewal(plan.validFrom),
): void {
  w.title = { validFrom: plan.validFrom, validUntil: plan.validUntil ?? periodEnd(plan.validFrom, validityMonths) };
  const end = plan.until ?? DEMO_HORIZON;
  copilMeetings(w, addDays(plan.validFrom, 30), earlier(plan.meetingsUntil ?? end, end), 160);
  for (let year = Number(plan.validFrom.slice(0, 4)) + 1; `${year}-03-01` < end; year++) {
    communicationAction(w, dayBetween(w.rng, `${year}-03-01`, earlier(`${year}-11-30`, addDays(end, -1))));
    if (w.rng.chance(0.4))
      localProductAction(w, dayBetween(w.rng, `${year}-04-01`, earlier(`${year}-06-30`, addDays(end, -1))));
  }
  const first = plan.firstEdition ?? firstEditionAfter(plan.validFrom);
  for (const edition of FAIR_O_METER_EDITIONS) {
    if (edition < first || `${edition}-09-20` >= end) continue;
    playEdition(w, edition, plan.editions?.[edition] ?? { kind: 'renew' }, plan);
  }
}

function playEdition(w: StoryWriter, edition: number, editionPlan: EditionPlan, plan: TitlePlan): void {
  const rng = w.rng;
  const requested = `${edition}-09-${String(rng.int(10, 16)).padStart(2, '0')}`;
  const dueOn = `${edition}-12-15`;
  w.byCoordination(requested, { type: 'RequestFairOMeter', data: { edition: String(edition), dueOn } });
  const submitted = editionPlan.kind === 'ignore' ? null : dayBetween(rng, `${edition}-10-01`, `${edition}-12-12`);
  if (submitted === null || submitted > `${edition}-11-25`) {
    w.byCoordination(`${edition}-11-25`, {
      type: 'RecordReminderSent',
      data: { reminderId: `fair-o-meter-${edition}-${w.nis}`, kind: 'fair_o_meter_due', dueOn },
    });
  }
  if (submitted === null) return;
  const level =
    editionPlan.kind === 'refuse' ? 0.3 : editionPlan.kind === 'renew' ? (editionPlan.level ?? plan.level) : plan.level;
  w.byCommune(submitted, {
    type: 'SubmitFairOMeter',
    data: {
      edition: String(edition),
      blocks: plan.blocks?.[edition] ?? blocksFor(w, level),
      figures: { volunteers: rng.int(3, 25), events: rng.int(1, 10), products: rng.int(2, 8) },
    },
  });
  const reviewer = w.reviewer();
  const scored = dayBetween(rng, `${edition + 1}-01-08`, `${edition + 1}-02-10`);
  const grade = editionPlan.kind === 'renew' ? editionPlan.grade : undefined;
  w.byCoordination(scored, { type: 'ScoreFairOMeter', data: { reviewerId: reviewer, ...(grade ? { grade } : {}) } });
  const decided = addDays(scored, rng.int(3, 30));
  if (editionPlan.kind === 'refuse') {
    w.byCoordination(decided, { type: 'RefuseRenewal', data: { reasons: editionPlan.reasons } });
    return;
  }
  const current = w.title!;
  // After a refused renewal the old period may be over: the new one then starts on the day of the decision.
  const fromToday = editionPlan.kind === 'renew' && editionPlan.renewFrom === 'today';
  const validFrom = fromToday ? decided : addDays(current.validUntil, 1);
  w.byCoordination(decided, { type: 'RenewTitle', data: fromToday ? { validFrom } : {} });
  w.title = { validFrom, validUntil: periodEnd(validFrom, 24) };
}

/** Four blocks of 0–25 points around the commune's level, in quarter points as on fairometer.be. */
function blocksFor(w: StoryWriter, level: number): FairOMeterBlocks {
  const block = () => Math.min(25, Math.max(0, Math.round((25 * level + w.rng.int(-12, 12) / 4) * 4) / 4));
  return { communalPolicy: block(), communication: block(), events: block(), steeringCommittee: block() };
}
