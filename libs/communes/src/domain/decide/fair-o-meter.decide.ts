import { addDays } from '../calendar';
import type {
  RefuseRenewal,
  RenewTitle,
  RequestFairOMeter,
  ScoreFairOMeter,
  SubmitFairOMeter,
} from '../commune.commands';
import type {
  FairOMeterRequested,
  FairOMeterScored,
  FairOMeterSubmitted,
  RenewalRefused,
  TitleRenewed,
} from '../commune.events';
import type { Commune, FairOMeterBlocks, FairOMeterFigures, RenewalUnderReview } from '../commune.state';
import { GRADES } from '../commune.state';
import { refuse } from '../commune.errors';
import { FAIR_O_METER_BLOCK_MAX, fairOMeterTotal, gradeFor } from '../fair-o-meter/grade';
import { dueAfterToday, notBefore, notMerged, reasons, titleHolder, titlePeriod } from './guards';

/**
 * Opens the renewal window. Asking again for the same edition (a timer firing twice) decides nothing, as does
 * asking for an edition the commune already answered.
 */
export function requestFairOMeter({ data, now }: RequestFairOMeter, state: Commune): FairOMeterRequested[] {
  if (state.status === 'renewal_under_review' && state.fairOMeter.edition === data.edition) return [];
  const current = titleHolder(state, 'request a Fair-ô-mètre');
  if (current.fairOMeterRequest?.edition === data.edition) return [];
  if (current.fairOMeters.some((f) => f.edition === data.edition)) return [];
  if (current.fairOMeterRequest)
    throw refuse(
      'FAIR_O_METER_ALREADY_OPEN',
      `Edition ${current.fairOMeterRequest.edition} is still open (due ${current.fairOMeterRequest.dueOn}): wait for its answer before asking for ${data.edition}.`,
    );
  dueAfterToday(data.dueOn, now);
  return [{ type: 'FairOMeterRequested', data: { edition: data.edition, dueOn: data.dueOn, requestedAt: now } }];
}

export function submitFairOMeter({ data, now }: SubmitFairOMeter, state: Commune): FairOMeterSubmitted[] {
  const current = titleHolder(state, 'submit a Fair-ô-mètre');
  const request = current.fairOMeterRequest;
  if (!request)
    throw refuse(
      'NO_FAIR_O_METER_REQUESTED',
      'No Fair-ô-mètre was requested from this commune: the coordination opens each edition.',
    );
  if (request.edition !== data.edition)
    throw refuse('FAIR_O_METER_EDITION_MISMATCH', `The open edition is ${request.edition}, not ${data.edition}.`);
  checkBlocks(data.blocks);
  checkFigures(data.figures);
  return [
    {
      type: 'FairOMeterSubmitted',
      data: {
        edition: data.edition,
        blocks: { ...data.blocks },
        figures: { ...data.figures },
        total: fairOMeterTotal(data.blocks),
        submittedAt: now,
      },
    },
  ];
}

/** The reviewer's grade; without one, the default grade for the total. Recording the same grade again decides nothing. */
export function scoreFairOMeter({ data, now }: ScoreFairOMeter, state: Commune): FairOMeterScored[] {
  const current = renewalUnderReview(state, 'score the Fair-ô-mètre');
  if (data.grade !== undefined && !GRADES.includes(data.grade))
    throw refuse('INVALID_GRADE', `Grade ${JSON.stringify(data.grade)} does not exist: use A (best) to E.`);
  const { edition, total, score } = current.fairOMeter;
  const suggestedGrade = gradeFor(total);
  const grade = data.grade ?? suggestedGrade;
  if (score?.grade === grade && score.reviewerId === data.reviewerId) return [];
  return [
    {
      type: 'FairOMeterScored',
      data: { edition, total, grade, suggestedGrade, reviewerId: data.reviewerId, scoredAt: now },
    },
  ];
}

/** Next cycle; by default the new period starts the day after the current one ends. */
export function renewTitle({ data, now }: RenewTitle, state: Commune): TitleRenewed[] {
  const current = renewalUnderReview(state, 'renew the title');
  const { score, edition } = current.fairOMeter;
  if (!score) throw refuse('FAIR_O_METER_NOT_SCORED', `Score the Fair-ô-mètre ${edition} before renewing the title.`);
  const validFrom = data.validFrom ?? addDays(current.title.validUntil, 1);
  notBefore(validFrom, addDays(current.title.validFrom, 1), 'The renewed title');
  const period = titlePeriod(validFrom, data.validityMonths);
  return [
    {
      type: 'TitleRenewed',
      data: { cycle: current.title.cycle + 1, ...period, edition, grade: score.grade, renewedAt: now },
    },
  ];
}

/** The title runs on until it lapses or is withdrawn; the commune is now losing momentum. */
export function refuseRenewal({ data, now }: RefuseRenewal, state: Commune): RenewalRefused[] {
  const current = renewalUnderReview(state, 'refuse the renewal');
  return [
    {
      type: 'RenewalRefused',
      data: {
        edition: current.fairOMeter.edition,
        reasons: reasons(data.reasons, 'refuse the renewal'),
        refusedAt: now,
      },
    },
  ];
}

function renewalUnderReview(state: Commune, action: string): RenewalUnderReview {
  const current = notMerged(state, action);
  if (current.status !== 'renewal_under_review')
    throw refuse(
      'NO_RENEWAL_UNDER_REVIEW',
      `Cannot ${action}: no Fair-ô-mètre is under review (now ${current.status}).`,
    );
  return current;
}

function checkBlocks(blocks: FairOMeterBlocks): void {
  const keys: (keyof FairOMeterBlocks)[] = ['communalPolicy', 'communication', 'events', 'steeringCommittee'];
  const wrong = keys.filter(
    (k) => !(Number.isFinite(blocks[k]) && blocks[k] >= 0 && blocks[k] <= FAIR_O_METER_BLOCK_MAX),
  );
  if (wrong.length > 0)
    throw refuse(
      'INVALID_SCORE',
      `Each block scores 0 to ${FAIR_O_METER_BLOCK_MAX} points; check ${wrong.join(', ')}.`,
      { blocks: wrong },
    );
}

function checkFigures(figures: FairOMeterFigures): void {
  const keys: (keyof FairOMeterFigures)[] = ['volunteers', 'events', 'products'];
  const wrong = keys.filter((k) => !(Number.isInteger(figures[k]) && figures[k] >= 0));
  if (wrong.length > 0)
    throw refuse('INVALID_FIGURE', `Figures are whole numbers ≥ 0; check ${wrong.join(', ')}.`, { figures: wrong });
}
