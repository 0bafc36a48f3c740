import type { DomainEvent } from '@cdce/eventsourcing';
import type {
  CharterSection,
  CommuneStatus,
  CommunicationChannel,
  CopilRole,
  CopilSector,
  CriterionChange,
  FairOMeterBlocks,
  FairOMeterFigures,
  Grade,
  HoldingStatus,
  IsoDate,
  IsoInstant,
  MomentumReason,
  PartnerKind,
  Title,
} from './commune.state';
import type { CriteriaChecklist } from './criteria/evaluate-criteria';
import type { Criterion } from './criteria/criterion';

/*
 * Events of a commune's stream (`commune-<nis>`). Names and fields are a contract: events are past tense and are
 * never renamed; new fields are added as optional. No personal data: people appear as `personId`s only.
 * `…At` fields are the command's `now`; `…On` fields are business dates given by people.
 */

// ─── Candidacy and evidence ──────────────────────────────────────────────────────────────────────────────────────
/** `candidacy`: 1 for the commune's first candidacy, 2 for a re-candidacy… */
export type CandidacyOpened = DomainEvent<'CandidacyOpened', { nis: string; candidacy: number; openedAt: IsoInstant }>;
export type CouncilResolutionRecorded = DomainEvent<
  'CouncilResolutionRecorded',
  { resolutionId: string; votedOn: IsoDate; fairTradeProducts: string[]; documentRef: string | null }
>;
export type CouncilResolutionReconfirmed = DomainEvent<
  'CouncilResolutionReconfirmed',
  { votedOn: IsoDate; electionHeldOn: IsoDate }
>;
export type CopilMemberJoined = DomainEvent<
  'CopilMemberJoined',
  { personId: string; role: CopilRole; sector: CopilSector; joinedOn: IsoDate }
>;
export type CopilMemberLeft = DomainEvent<'CopilMemberLeft', { personId: string; leftOn: IsoDate }>;
export type CopilCharterAdopted = DomainEvent<
  'CopilCharterAdopted',
  { adoptedOn: IsoDate; sections: CharterSection[]; documentRef: string | null }
>;
export type CopilMeetingHeld = DomainEvent<
  'CopilMeetingHeld',
  { meetingId: string; heldOn: IsoDate; attendeeCount: number | null }
>;
export type PartnerRegistered = DomainEvent<
  'PartnerRegistered',
  { partnerId: string; kind: PartnerKind; fairTradeProducts: string[]; registeredOn: IsoDate }
>;
export type PartnerWithdrawn = DomainEvent<
  'PartnerWithdrawn',
  { partnerId: string; withdrawnOn: IsoDate; reason: string | null }
>;
export type CommunicationActionRecorded = DomainEvent<
  'CommunicationActionRecorded',
  { actionId: string; channel: CommunicationChannel; occurredOn: IsoDate; summary: string }
>;
export type LocalProductActionRecorded = DomainEvent<
  'LocalProductActionRecorded',
  { actionId: string; occurredOn: IsoDate; summary: string; prixJusteProducteurRef: string | null }
>;
/** The checklist as evaluated at submission, against the criteria set whose id is recorded. */
export type DossierSubmitted = DomainEvent<
  'DossierSubmitted',
  {
    dossier: number;
    criteriaSetId: string;
    population: number;
    checklist: CriteriaChecklist;
    unmetCriteria: Criterion[];
    acknowledgedIncomplete: boolean;
    submittedAt: IsoInstant;
  }
>;
export type CandidacyAbandoned = DomainEvent<'CandidacyAbandoned', { reasons: string[]; abandonedAt: IsoInstant }>;

// ─── Review ──────────────────────────────────────────────────────────────────────────────────────────────────────
export type DossierReviewStarted = DomainEvent<
  'DossierReviewStarted',
  { dossier: number; reviewerId: string; startedAt: IsoInstant }
>;
export type ReviewCommentAdded = DomainEvent<
  'ReviewCommentAdded',
  { dossier: number; commentId: string; criterion: Criterion; comment: string; authorId: string; at: IsoInstant }
>;
export type ChangesRequested = DomainEvent<
  'ChangesRequested',
  { dossier: number; reviewerId: string; changes: CriterionChange[]; dueOn: IsoDate; requestedAt: IsoInstant }
>;
export type DossierApproved = DomainEvent<
  'DossierApproved',
  { dossier: number; reviewerId: string; approvedAt: IsoInstant }
>;
export type TitleAwarded = DomainEvent<'TitleAwarded', { cycle: number; validFrom: IsoDate; validUntil: IsoDate }>;
export type DossierRejected = DomainEvent<
  'DossierRejected',
  { dossier: number; reviewerId: string; reasons: string[]; rejectedAt: IsoInstant }
>;

// ─── Fair-ô-mètre and renewal ────────────────────────────────────────────────────────────────────────────────────
export type FairOMeterRequested = DomainEvent<
  'FairOMeterRequested',
  { edition: string; dueOn: IsoDate; requestedAt: IsoInstant }
>;
export type FairOMeterSubmitted = DomainEvent<
  'FairOMeterSubmitted',
  { edition: string; blocks: FairOMeterBlocks; figures: FairOMeterFigures; total: number; submittedAt: IsoInstant }
>;
/** `suggestedGrade` is what {@link gradeFor} gives for the total; `grade` is the reviewer's decision. */
export type FairOMeterScored = DomainEvent<
  'FairOMeterScored',
  { edition: string; total: number; grade: Grade; suggestedGrade: Grade; reviewerId: string; scoredAt: IsoInstant }
>;
export type TitleRenewed = DomainEvent<
  'TitleRenewed',
  { cycle: number; validFrom: IsoDate; validUntil: IsoDate; edition: string; grade: Grade; renewedAt: IsoInstant }
>;
export type RenewalRefused = DomainEvent<
  'RenewalRefused',
  { edition: string; reasons: string[]; refusedAt: IsoInstant }
>;

// ─── Momentum ────────────────────────────────────────────────────────────────────────────────────────────────────
export type MomentumAlertRaised = DomainEvent<
  'MomentumAlertRaised',
  { alertId: string; reasons: MomentumReason[]; note: string | null; raisedAt: IsoInstant }
>;
export type SupportPlanOpened = DomainEvent<
  'SupportPlanOpened',
  { difficulties: string[]; plannedActions: string[]; openedAt: IsoInstant }
>;
export type SponsorAssigned = DomainEvent<'SponsorAssigned', { sponsorNis: string; assignedAt: IsoInstant }>;
export type SupportActionRecorded = DomainEvent<
  'SupportActionRecorded',
  { actionId: string; occurredOn: IsoDate; summary: string }
>;
export type MomentumRestored = DomainEvent<
  'MomentumRestored',
  { restoredTo: HoldingStatus; note: string | null; restoredAt: IsoInstant }
>;
export type RenewalOverdue = DomainEvent<
  'RenewalOverdue',
  { cycle: number; validUntil: IsoDate; detectedAt: IsoInstant }
>;

// ─── End and change ──────────────────────────────────────────────────────────────────────────────────────────────
export type TitleLapsed = DomainEvent<
  'TitleLapsed',
  { cycle: number; validUntil: IsoDate; reasons: string[]; lapsedAt: IsoInstant }
>;
export type TitleRelinquished = DomainEvent<
  'TitleRelinquished',
  { cycle: number; reasons: string[]; relinquishedAt: IsoInstant }
>;
export type TitleWithdrawn = DomainEvent<
  'TitleWithdrawn',
  { cycle: number; reasons: string[]; withdrawnAt: IsoInstant }
>;
/** Last event of a predecessor's stream: a snapshot of what the successor may carry on. */
export type MunicipalityMerged = DomainEvent<
  'MunicipalityMerged',
  {
    nis: string;
    successorNis: string;
    effectiveOn: IsoDate;
    status: CommuneStatus;
    /** The title held at the merger (null when none was held). */
    title: Title | null;
    lastCycle: number;
  }
>;
export type PredecessorMerged = DomainEvent<
  'PredecessorMerged',
  {
    nis: string;
    predecessorNis: string;
    effectiveOn: IsoDate;
    predecessorStatus: CommuneStatus;
    predecessorTitle: Title | null;
    /** The title the successor holds because of this merger, or null when it inherits nothing (see the rule in decide). */
    inheritedTitle: Title | null;
  }
>;
export type LocalElectionHeld = DomainEvent<
  'LocalElectionHeld',
  { heldOn: IsoDate; resolutionNeedsReconfirmation: boolean }
>;

// ─── Reminders ───────────────────────────────────────────────────────────────────────────────────────────────────
export type ReminderSent = DomainEvent<
  'ReminderSent',
  { reminderId: string; kind: string; dueOn: IsoDate; sentAt: IsoInstant }
>;

export type CommuneEvent =
  | CandidacyOpened
  | CouncilResolutionRecorded
  | CouncilResolutionReconfirmed
  | CopilMemberJoined
  | CopilMemberLeft
  | CopilCharterAdopted
  | CopilMeetingHeld
  | PartnerRegistered
  | PartnerWithdrawn
  | CommunicationActionRecorded
  | LocalProductActionRecorded
  | DossierSubmitted
  | CandidacyAbandoned
  | DossierReviewStarted
  | ReviewCommentAdded
  | ChangesRequested
  | DossierApproved
  | TitleAwarded
  | DossierRejected
  | FairOMeterRequested
  | FairOMeterSubmitted
  | FairOMeterScored
  | TitleRenewed
  | RenewalRefused
  | MomentumAlertRaised
  | SupportPlanOpened
  | SponsorAssigned
  | SupportActionRecorded
  | MomentumRestored
  | RenewalOverdue
  | TitleLapsed
  | TitleRelinquished
  | TitleWithdrawn
  | MunicipalityMerged
  | PredecessorMerged
  | LocalElectionHeld
  | ReminderSent;

export type CommuneEventType = CommuneEvent['type'];

/** Every event type of a commune stream; the kernel refuses to fold any other. */
export const COMMUNE_EVENT_TYPES = [
  'CandidacyOpened',
  'CouncilResolutionRecorded',
  'CouncilResolutionReconfirmed',
  'CopilMemberJoined',
  'CopilMemberLeft',
  'CopilCharterAdopted',
  'CopilMeetingHeld',
  'PartnerRegistered',
  'PartnerWithdrawn',
  'CommunicationActionRecorded',
  'LocalProductActionRecorded',
  'DossierSubmitted',
  'CandidacyAbandoned',
  'DossierReviewStarted',
  'ReviewCommentAdded',
  'ChangesRequested',
  'DossierApproved',
  'TitleAwarded',
  'DossierRejected',
  'FairOMeterRequested',
  'FairOMeterSubmitted',
  'FairOMeterScored',
  'TitleRenewed',
  'RenewalRefused',
  'MomentumAlertRaised',
  'SupportPlanOpened',
  'SponsorAssigned',
  'SupportActionRecorded',
  'MomentumRestored',
  'RenewalOverdue',
  'TitleLapsed',
  'TitleRelinquished',
  'TitleWithdrawn',
  'MunicipalityMerged',
  'PredecessorMerged',
  'LocalElectionHeld',
  'ReminderSent',
] as const satisfies readonly CommuneEventType[];

// Fails to compile when an event type is added to the union but not to the list above.
type Missing = Exclude<CommuneEventType, (typeof COMMUNE_EVENT_TYPES)[number]>;
const _everyEventTypeListed: Missing extends never ? true : Missing = true;
void _everyEventTypeListed;
