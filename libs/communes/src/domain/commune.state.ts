import type { IsoDate, IsoInstant } from './calendar';
import type { CriteriaChecklist } from './criteria/evaluate-criteria';
import type { Criterion } from './criteria/criterion';
import type { Evidence } from './commune-evidence.state';
import { EMPTY_EVIDENCE } from './commune-evidence.state';
import type {
  FairOMeterEdition,
  FairOMeterRequest,
  FairOMeterSubmission,
  HoldingStatus,
  MomentumAlert,
  MomentumEpisode,
  SupportPlan,
  Title,
} from './commune-title.state';

export * from './commune-evidence.state';
export * from './commune-title.state';

/*
 * The state of one commune, folded from its stream. A union on `status`: each variant holds exactly what makes
 * sense in that status (a title only where one is held, a dossier only while one is open…), so that an illegal
 * combination cannot be written down. What survives across statuses lives in `CommuneRecord`.
 */

export type { IsoDate, IsoInstant } from './calendar';

export interface PredecessorMerger {
  readonly predecessorNis: string;
  readonly effectiveOn: IsoDate;
  readonly predecessorStatus: CommuneStatus;
  readonly predecessorTitle: Title | null;
  /** The title this commune took over (or extended to) because of the merger, if any. */
  readonly inheritedTitle: Title | null;
}

// ─── Dossier and review ──────────────────────────────────────────────────────────────────────────────────────────

export interface Dossier {
  /** 1 for the commune's first dossier, then 2, 3… across candidacies. */
  readonly number: number;
  readonly submittedAt: IsoInstant;
  readonly criteriaSetId: string;
  readonly population: number;
  readonly checklist: CriteriaChecklist;
  /** The commune submitted knowing that some criteria were not met (see `SubmitDossier`). */
  readonly acknowledgedIncomplete: boolean;
}

export interface ReviewComment {
  readonly commentId: string;
  readonly criterion: Criterion;
  readonly comment: string;
  readonly authorId: string;
  readonly at: IsoInstant;
}

export interface Review {
  readonly reviewerId: string;
  readonly startedAt: IsoInstant;
  readonly comments: readonly ReviewComment[];
}

export interface CriterionChange {
  readonly criterion: Criterion;
  readonly reason: string;
}

export interface ChangeRequest {
  readonly changes: readonly CriterionChange[];
  readonly dueOn: IsoDate;
  readonly requestedAt: IsoInstant;
}

export interface DossierRejection {
  readonly dossier: number;
  readonly reasons: readonly string[];
  readonly rejectedAt: IsoInstant;
}

// ─── The state ───────────────────────────────────────────────────────────────────────────────────────────────────

/** What every status carries: the commune's evidence and history. */
export interface CommuneRecord {
  /** Unknown only until the first event that names the commune (a candidacy, a merger). */
  readonly nis: string | null;
  readonly evidence: Evidence;
  /** Cycle of the latest title ever held (0: never titled). Numbering continues across candidacies. */
  readonly lastCycle: number;
  readonly candidacies: number;
  readonly dossiers: number;
  readonly fairOMeters: readonly FairOMeterEdition[];
  readonly alerts: readonly MomentumAlert[];
  /** Support plans of past momentum episodes, closed when momentum was restored or the title ended. */
  readonly closedSupportPlans: readonly SupportPlan[];
  /** `validUntil` dates for which a renewal was already marked overdue (keeps `MarkRenewalOverdue` idempotent). */
  readonly overdueMarkedFor: readonly IsoDate[];
  /** Ids of the reminders already recorded (keeps `RecordReminderSent` idempotent). */
  readonly remindersSent: readonly string[];
  readonly predecessors: readonly PredecessorMerger[];
}

interface Identified extends CommuneRecord {
  readonly nis: string;
}

export interface NotEngaged extends CommuneRecord {
  readonly status: 'not_engaged';
}

export interface Candidate extends Identified {
  readonly status: 'candidate';
  readonly lastRejection: DossierRejection | null;
}

export interface UnderReview extends Identified {
  readonly status: 'under_review';
  readonly dossier: Dossier;
  /** Null until a reviewer is assigned by `StartReview`. */
  readonly review: Review | null;
}

export interface ChangesRequestedCommune extends Identified {
  readonly status: 'changes_requested';
  readonly dossier: Dossier;
  readonly review: Review;
  readonly changeRequest: ChangeRequest;
}

interface HoldsTitle extends Identified {
  readonly title: Title;
  /** The open renewal window, if the coordination asked for this edition's Fair-ô-mètre. */
  readonly fairOMeterRequest: FairOMeterRequest | null;
}

export interface Titled extends HoldsTitle {
  readonly status: 'titled';
}

export interface Renewed extends HoldsTitle {
  readonly status: 'renewed';
}

export interface LosingMomentum extends HoldsTitle {
  readonly status: 'losing_momentum';
  /** Where `RestoreMomentum` goes back to. */
  readonly restoreTo: HoldingStatus;
  readonly momentum: MomentumEpisode;
}

export interface RenewalUnderReview extends Identified {
  readonly status: 'renewal_under_review';
  readonly title: Title;
  readonly holding: HoldingStatus;
  readonly fairOMeter: FairOMeterSubmission;
  /** Set when the Fair-ô-mètre was submitted while losing momentum: a refusal resumes that episode. */
  readonly momentum: MomentumEpisode | null;
}

interface TitleEnded extends Identified {
  readonly formerTitle: Title;
  readonly reasons: readonly string[];
  readonly endedAt: IsoInstant;
}

export interface Lapsed extends TitleEnded {
  readonly status: 'lapsed';
}

export interface Relinquished extends TitleEnded {
  readonly status: 'relinquished';
}

export interface Withdrawn extends TitleEnded {
  readonly status: 'withdrawn';
}

/** Terminal: the municipality merged into another one, whose stream carries on. */
export interface Merged extends Identified {
  readonly status: 'merged';
  readonly successorNis: string;
  readonly effectiveOn: IsoDate;
}

export type Commune =
  | NotEngaged
  | Candidate
  | UnderReview
  | ChangesRequestedCommune
  | Titled
  | Renewed
  | RenewalUnderReview
  | LosingMomentum
  | Lapsed
  | Relinquished
  | Withdrawn
  | Merged;

export type CommuneStatus = Commune['status'];

export const COMMUNE_STATUSES: readonly CommuneStatus[] = [
  'not_engaged',
  'candidate',
  'under_review',
  'changes_requested',
  'titled',
  'renewed',
  'renewal_under_review',
  'losing_momentum',
  'lapsed',
  'relinquished',
  'withdrawn',
  'merged',
];

/** Statuses in which the commune holds a title (renewal under review included: the title runs on meanwhile). */
export type TitleHolder = Titled | Renewed | LosingMomentum | RenewalUnderReview;

export function holdsTitle(state: Commune): state is TitleHolder {
  return (
    state.status === 'titled' ||
    state.status === 'renewed' ||
    state.status === 'losing_momentum' ||
    state.status === 'renewal_under_review'
  );
}

export function initialCommune(): NotEngaged {
  return {
    status: 'not_engaged',
    nis: null,
    evidence: EMPTY_EVIDENCE,
    lastCycle: 0,
    candidacies: 0,
    dossiers: 0,
    fairOMeters: [],
    alerts: [],
    closedSupportPlans: [],
    overdueMarkedFor: [],
    remindersSent: [],
    predecessors: [],
  };
}
