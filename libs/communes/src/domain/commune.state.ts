import type { CriteriaChecklist } from './criteria/evaluate-criteria';
import type { Criterion } from './criteria/criterion';

/*
 * The state of one commune, folded from its stream. A union on `status`: each variant holds exactly what makes
 * sense in that status (a title only where one is held, a dossier only while one is open…), so that an illegal
 * combination cannot be written down. What survives across statuses lives in `CommuneRecord`.
 */

/** A business date, `YYYY-MM-DD` (Belgian calendar day). */
export type IsoDate = string;
/** An instant, ISO-8601 UTC (`2025-03-01T09:30:00.000Z`). */
export type IsoInstant = string;

// ─── Evidence (criteria 1–6) ────────────────────────────────────────────────────────────────────────────────────

/** Criterion 1: a resolution of the conseil communal. Products are free text ("café", "thé"…). */
export interface CouncilResolution {
  readonly resolutionId: string;
  readonly votedOn: IsoDate;
  readonly fairTradeProducts: readonly string[];
  /** Where the text of the resolution can be found (document store key, URL of the council minutes…). */
  readonly documentRef: string | null;
}

/** A local election and, once given, the new council's re-confirmation of the resolution. */
export interface LocalElection {
  readonly heldOn: IsoDate;
  readonly reconfirmedOn: IsoDate | null;
}

export const COPIL_ROLES = ['chair', 'contact', 'member'] as const;
export type CopilRole = (typeof COPIL_ROLES)[number];

/** Sectors counted by criterion 5 ("members from several sectors"). */
export const COPIL_SECTORS = [
  'administration',
  'political',
  'civil_society',
  'business',
  'education',
  'citizen',
] as const;
export type CopilSector = (typeof COPIL_SECTORS)[number];

/** A COPIL member, named only by `personId`: names and contacts live in the erasable people directory. */
export interface CopilMember {
  readonly personId: string;
  readonly role: CopilRole;
  readonly sector: CopilSector;
  readonly joinedOn: IsoDate;
}

export const CHARTER_SECTIONS = ['mission', 'commitments', 'decision_process', 'meeting_frequency'] as const;
export type CharterSection = (typeof CHARTER_SECTIONS)[number];

export interface CopilCharter {
  readonly adoptedOn: IsoDate;
  readonly sections: readonly CharterSection[];
  readonly documentRef: string | null;
}

export interface CopilMeeting {
  readonly meetingId: string;
  readonly heldOn: IsoDate;
  readonly attendeeCount: number | null;
}

export const PARTNER_KINDS = ['shop', 'horeca', 'business', 'organisation', 'school'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Criteria 2 and 3: an outlet or organisation offering fair-trade products. Its name lives in a partner directory. */
export interface Partner {
  readonly partnerId: string;
  readonly kind: PartnerKind;
  readonly fairTradeProducts: readonly string[];
  readonly registeredOn: IsoDate;
}

export const COMMUNICATION_CHANNELS = ['local_media', 'own_channel', 'social_media', 'event', 'other'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export interface CommunicationAction {
  readonly actionId: string;
  readonly channel: CommunicationChannel;
  readonly occurredOn: IsoDate;
  readonly summary: string;
}

/** Criterion 6. A « Prix Juste Producteur » certificate reference is optional evidence, not a requirement. */
export interface LocalProductAction {
  readonly actionId: string;
  readonly occurredOn: IsoDate;
  readonly summary: string;
  readonly prixJusteProducteurRef: string | null;
}

/** Everything the commune has shown for the six criteria; kept whatever the status (a re-candidacy starts from it). */
export interface Evidence {
  readonly councilResolutions: readonly CouncilResolution[];
  readonly localElections: readonly LocalElection[];
  readonly copilMembers: readonly CopilMember[];
  readonly charter: CopilCharter | null;
  readonly meetings: readonly CopilMeeting[];
  readonly partners: readonly Partner[];
  readonly communicationActions: readonly CommunicationAction[];
  readonly localProductActions: readonly LocalProductAction[];
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

// ─── Title, Fair-ô-mètre, momentum ───────────────────────────────────────────────────────────────────────────────

/** A title period: cycle 1 is the first award; each renewal or new award adds one. `validUntil` is inclusive. */
export interface Title {
  readonly cycle: number;
  readonly validFrom: IsoDate;
  readonly validUntil: IsoDate;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';
export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D', 'E'];

/** The four Fair-ô-mètre blocks, 0–25 points each (fairometer.be). */
export interface FairOMeterBlocks {
  readonly communalPolicy: number;
  readonly communication: number;
  readonly events: number;
  readonly steeringCommittee: number;
}

export interface FairOMeterFigures {
  readonly volunteers: number;
  readonly events: number;
  readonly products: number;
}

export interface FairOMeterRequest {
  readonly edition: string;
  readonly dueOn: IsoDate;
  readonly requestedAt: IsoInstant;
}

export interface FairOMeterScore {
  readonly grade: Grade;
  readonly reviewerId: string;
  readonly scoredAt: IsoInstant;
}

export interface FairOMeterSubmission {
  readonly edition: string;
  readonly blocks: FairOMeterBlocks;
  readonly figures: FairOMeterFigures;
  readonly total: number;
  readonly submittedAt: IsoInstant;
  readonly score: FairOMeterScore | null;
}

/** One line of the commune's Fair-ô-mètre history. */
export interface FairOMeterEdition {
  readonly edition: string;
  readonly total: number;
  readonly grade: Grade | null;
  readonly submittedAt: IsoInstant;
}

export const MOMENTUM_REASONS = [
  'fom_missed',
  'fom_low_grade',
  'copil_inactive',
  'resolution_not_reconfirmed',
  'renewal_overdue',
  'no_webinar_attendance',
  'manual',
] as const;
export type MomentumReason = (typeof MOMENTUM_REASONS)[number];

export interface MomentumAlert {
  readonly alertId: string;
  readonly reasons: readonly MomentumReason[];
  readonly note: string | null;
  readonly raisedAt: IsoInstant;
}

export interface SupportAction {
  readonly actionId: string;
  readonly occurredOn: IsoDate;
  readonly summary: string;
}

export interface SupportPlan {
  readonly openedAt: IsoInstant;
  readonly difficulties: readonly string[];
  readonly plannedActions: readonly string[];
  /** NIS of a titled commune that accompanies this one. */
  readonly sponsorNis: string | null;
  readonly actions: readonly SupportAction[];
}

/** A period "en perte de vitesse": since when, and the support plan if one was opened. */
export interface MomentumEpisode {
  readonly since: IsoInstant;
  readonly supportPlan: SupportPlan | null;
}

/** The statuses in which a commune holds a title and can be accompanied back to full momentum. */
export type HoldingStatus = 'titled' | 'renewed';

export interface PredecessorMerger {
  readonly predecessorNis: string;
  readonly effectiveOn: IsoDate;
  readonly predecessorStatus: CommuneStatus;
  readonly predecessorTitle: Title | null;
  /** The title this commune took over (or extended to) because of the merger, if any. */
  readonly inheritedTitle: Title | null;
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

export const EMPTY_EVIDENCE: Evidence = {
  councilResolutions: [],
  localElections: [],
  copilMembers: [],
  charter: null,
  meetings: [],
  partners: [],
  communicationActions: [],
  localProductActions: [],
};

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

/** The resolution must be re-confirmed: a local election came after the latest resolution and nothing confirmed it since. */
export function resolutionNeedsReconfirmation(evidence: Evidence): boolean {
  const election = evidence.localElections.at(-1);
  if (!election || election.reconfirmedOn !== null) return false;
  const latest = latestResolution(evidence);
  return latest !== null && latest.votedOn < election.heldOn;
}

/** The most recently voted resolution (resolutions may be recorded long after the vote, so not the last recorded). */
export function latestResolution(evidence: Evidence): CouncilResolution | null {
  return evidence.councilResolutions.reduce<CouncilResolution | null>(
    (latest, r) => (latest === null || r.votedOn >= latest.votedOn ? r : latest),
    null,
  );
}
