import type {
  ApproveDossier,
  CommentOnCriterion,
  RejectDossier,
  RequestChanges,
  StartReview,
} from '../commune.commands';
import type {
  ChangesRequested,
  DossierApproved,
  DossierRejected,
  DossierReviewStarted,
  ReviewCommentAdded,
  TitleAwarded,
} from '../commune.events';
import type { Commune, Review, UnderReview } from '../commune.state';
import { refuse } from '../commune.errors';
import { isCriterion } from '../criteria/criterion';
import { dueAfterToday, notMerged, reasons, titlePeriod, today, unusedId } from './guards';

function underReview(state: Commune, action: string): UnderReview {
  const current = notMerged(state, action);
  if (current.status !== 'under_review')
    throw refuse('DOSSIER_NOT_UNDER_REVIEW', `Cannot ${action}: no dossier is under review (now ${current.status}).`);
  return current;
}

function reviewing(state: Commune, action: string): UnderReview & { review: Review } {
  const current = underReview(state, action);
  if (current.review === null)
    throw refuse('REVIEW_NOT_STARTED', `Cannot ${action}: assign a reviewer first (StartReview).`);
  return current as UnderReview & { review: Review };
}

/** Assigns (or re-assigns) the reviewer; assigning the same reviewer again decides nothing. */
export function startReview({ data, now }: StartReview, state: Commune): DossierReviewStarted[] {
  const current = underReview(state, 'start the review');
  if (current.review?.reviewerId === data.reviewerId) return [];
  return [
    {
      type: 'DossierReviewStarted',
      data: { dossier: current.dossier.number, reviewerId: data.reviewerId, startedAt: now },
    },
  ];
}

export function commentOnCriterion({ data, now }: CommentOnCriterion, state: Commune): ReviewCommentAdded[] {
  const current = reviewing(state, 'comment on a criterion');
  criterion(data.criterion);
  unusedId(
    current.review.comments.map((c) => c.commentId),
    data.commentId,
    'Comment',
  );
  return [
    {
      type: 'ReviewCommentAdded',
      data: {
        dossier: current.dossier.number,
        commentId: data.commentId,
        criterion: data.criterion,
        comment: data.comment,
        authorId: data.authorId,
        at: now,
      },
    },
  ];
}

export function requestChanges({ data, now }: RequestChanges, state: Commune): ChangesRequested[] {
  const current = reviewing(state, 'request changes');
  if (data.changes.length === 0) throw refuse('REASONS_REQUIRED', 'Say, criterion by criterion, what must change.');
  data.changes.forEach((c) => criterion(c.criterion));
  const changes = data.changes.map((c) => ({
    criterion: c.criterion,
    reason: reasons([c.reason], `change criterion ${c.criterion}`)[0]!,
  }));
  dueAfterToday(data.dueOn, now);
  return [
    {
      type: 'ChangesRequested',
      data: {
        dossier: current.dossier.number,
        reviewerId: current.review.reviewerId,
        changes,
        dueOn: data.dueOn,
        requestedAt: now,
      },
    },
  ];
}

/** The title starts today in Belgium unless the reviewer gives another date (e.g. the ceremony's). */
export function approveDossier({ data, now }: ApproveDossier, state: Commune): [DossierApproved, TitleAwarded] {
  const current = reviewing(state, 'approve the dossier');
  const period = titlePeriod(data.validFrom ?? today(now), data.validityMonths);
  return [
    {
      type: 'DossierApproved',
      data: { dossier: current.dossier.number, reviewerId: current.review.reviewerId, approvedAt: now },
    },
    { type: 'TitleAwarded', data: { cycle: current.lastCycle + 1, ...period } },
  ];
}

export function rejectDossier({ data, now }: RejectDossier, state: Commune): DossierRejected[] {
  const current = reviewing(state, 'reject the dossier');
  return [
    {
      type: 'DossierRejected',
      data: {
        dossier: current.dossier.number,
        reviewerId: current.review.reviewerId,
        reasons: reasons(data.reasons, 'reject the dossier'),
        rejectedAt: now,
      },
    },
  ];
}

function criterion(value: unknown): void {
  if (!isCriterion(value))
    throw refuse('UNKNOWN_CRITERION', `Criterion ${JSON.stringify(value)} does not exist: use 1 to 6.`);
}
