import type { Command } from '@cdce/eventsourcing';
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
  IsoDate,
  MomentumReason,
  PartnerKind,
  Title,
} from './commune.state';
import type { CriteriaSet } from './criteria/criteria-set';
import type { Criterion } from './criteria/criterion';

/*
 * Commands of a commune's title lifecycle (DESIGN §2.3). Every command carries `now` (ISO UTC instant) and any
 * generated id (partnerId, actionId…): the decider never reads the clock nor invents ids. People are `personId`s.
 * Field formats (date shapes, string lengths) are checked by the API's DTOs; the decider checks what only the
 * commune's history can tell.
 */

// ─── Candidacy and evidence ──────────────────────────────────────────────────────────────────────────────────────
export type OpenCandidacy = Command<'OpenCandidacy', { readonly nis: string }>;
export type RecordCouncilResolution = Command<
  'RecordCouncilResolution',
  {
    readonly resolutionId: string;
    readonly votedOn: IsoDate;
    readonly fairTradeProducts: readonly string[];
    readonly documentRef?: string;
  }
>;
export type ReconfirmCouncilResolution = Command<'ReconfirmCouncilResolution', { readonly votedOn: IsoDate }>;
export type AddCopilMember = Command<
  'AddCopilMember',
  { readonly personId: string; readonly role: CopilRole; readonly sector: CopilSector; readonly joinedOn: IsoDate }
>;
export type RemoveCopilMember = Command<'RemoveCopilMember', { readonly personId: string; readonly leftOn: IsoDate }>;
export type AdoptCopilCharter = Command<
  'AdoptCopilCharter',
  { readonly adoptedOn: IsoDate; readonly sections: readonly CharterSection[]; readonly documentRef?: string }
>;
export type RecordCopilMeeting = Command<
  'RecordCopilMeeting',
  { readonly meetingId: string; readonly heldOn: IsoDate; readonly attendeeCount?: number }
>;
export type RegisterPartner = Command<
  'RegisterPartner',
  {
    readonly partnerId: string;
    readonly kind: PartnerKind;
    readonly fairTradeProducts: readonly string[];
    readonly registeredOn: IsoDate;
  }
>;
export type WithdrawPartner = Command<
  'WithdrawPartner',
  { readonly partnerId: string; readonly withdrawnOn: IsoDate; readonly reason?: string }
>;
export type RecordCommunicationAction = Command<
  'RecordCommunicationAction',
  {
    readonly actionId: string;
    readonly channel: CommunicationChannel;
    readonly occurredOn: IsoDate;
    readonly summary: string;
  }
>;
export type RecordLocalProductAction = Command<
  'RecordLocalProductAction',
  {
    readonly actionId: string;
    readonly occurredOn: IsoDate;
    readonly summary: string;
    readonly prixJusteProducteurRef?: string;
  }
>;
/**
 * The application layer supplies the criteria set in force and the commune's legal population.
 * With unmet criteria the dossier is refused (`DOSSIER_INCOMPLETE`) unless `acknowledgeIncomplete` is true: the
 * criteria are not eliminatory, so the commune may still submit and let the reviewer decide, but knowingly.
 */
export type SubmitDossier = Command<
  'SubmitDossier',
  { readonly criteriaSet: CriteriaSet; readonly population: number; readonly acknowledgeIncomplete?: boolean }
>;
export type AbandonCandidacy = Command<'AbandonCandidacy', { readonly reasons?: readonly string[] }>;

// ─── Review ──────────────────────────────────────────────────────────────────────────────────────────────────────
export type StartReview = Command<'StartReview', { readonly reviewerId: string }>;
export type CommentOnCriterion = Command<
  'CommentOnCriterion',
  { readonly commentId: string; readonly criterion: Criterion; readonly comment: string; readonly authorId: string }
>;
export type RequestChanges = Command<
  'RequestChanges',
  { readonly changes: readonly CriterionChange[]; readonly dueOn: IsoDate }
>;
/** `validFrom` defaults to today in Belgium; `validityMonths` to {@link TITLE_VALIDITY_MONTHS}. */
export type ApproveDossier = Command<
  'ApproveDossier',
  { readonly validFrom?: IsoDate; readonly validityMonths?: number }
>;
export type RejectDossier = Command<'RejectDossier', { readonly reasons: readonly string[] }>;

// ─── Fair-ô-mètre and renewal ────────────────────────────────────────────────────────────────────────────────────
export type RequestFairOMeter = Command<'RequestFairOMeter', { readonly edition: string; readonly dueOn: IsoDate }>;
export type SubmitFairOMeter = Command<
  'SubmitFairOMeter',
  { readonly edition: string; readonly blocks: FairOMeterBlocks; readonly figures: FairOMeterFigures }
>;
/** Without `grade`, the suggested grade for the total ({@link gradeFor}) is recorded. */
export type ScoreFairOMeter = Command<'ScoreFairOMeter', { readonly reviewerId: string; readonly grade?: Grade }>;
/** `validFrom` defaults to the day after the current title's `validUntil` (no gap, no overlap). */
export type RenewTitle = Command<'RenewTitle', { readonly validFrom?: IsoDate; readonly validityMonths?: number }>;
export type RefuseRenewal = Command<'RefuseRenewal', { readonly reasons: readonly string[] }>;

// ─── Momentum ────────────────────────────────────────────────────────────────────────────────────────────────────
export type RaiseMomentumAlert = Command<
  'RaiseMomentumAlert',
  { readonly alertId: string; readonly reasons: readonly MomentumReason[]; readonly note?: string }
>;
export type OpenSupportPlan = Command<
  'OpenSupportPlan',
  { readonly difficulties: readonly string[]; readonly plannedActions: readonly string[] }
>;
/** The application layer checks the sponsor's status in the directory and passes what it found. */
export type AssignSponsor = Command<
  'AssignSponsor',
  { readonly sponsorNis: string; readonly sponsorIsTitled: boolean }
>;
export type RecordSupportAction = Command<
  'RecordSupportAction',
  { readonly actionId: string; readonly occurredOn: IsoDate; readonly summary: string }
>;
export type RestoreMomentum = Command<'RestoreMomentum', { readonly note?: string }>;
/** Sent by a timer for the title period ending on `validUntil`; stale or repeated timers decide nothing. */
export type MarkRenewalOverdue = Command<'MarkRenewalOverdue', { readonly validUntil: IsoDate }>;

// ─── End and change ──────────────────────────────────────────────────────────────────────────────────────────────
export type DeclareTitleLapsed = Command<'DeclareTitleLapsed', { readonly reasons?: readonly string[] }>;
export type RelinquishTitle = Command<'RelinquishTitle', { readonly reasons: readonly string[] }>;
export type WithdrawTitle = Command<'WithdrawTitle', { readonly reasons: readonly string[] }>;
/** Recorded on the predecessor's stream; `nis` is that stream's own NIS. */
export type MergeInto = Command<
  'MergeInto',
  { readonly nis: string; readonly successorNis: string; readonly effectiveOn: IsoDate }
>;
/** Recorded on the successor's stream (`nis`), with what the predecessor's `MunicipalityMerged` carried. */
export type RecordPredecessorMerged = Command<
  'RecordPredecessorMerged',
  {
    readonly nis: string;
    readonly predecessorNis: string;
    readonly effectiveOn: IsoDate;
    readonly predecessorStatus: CommuneStatus;
    readonly predecessorTitle: Title | null;
  }
>;
export type RecordLocalElection = Command<'RecordLocalElection', { readonly heldOn: IsoDate }>;

// ─── Reminders ───────────────────────────────────────────────────────────────────────────────────────────────────
/** `kind` is the reminders module's vocabulary (e.g. `fair_o_meter_due`); the commune only records it. */
export type RecordReminderSent = Command<
  'RecordReminderSent',
  { readonly reminderId: string; readonly kind: string; readonly dueOn: IsoDate }
>;

export type CommuneCommand =
  | OpenCandidacy
  | RecordCouncilResolution
  | ReconfirmCouncilResolution
  | AddCopilMember
  | RemoveCopilMember
  | AdoptCopilCharter
  | RecordCopilMeeting
  | RegisterPartner
  | WithdrawPartner
  | RecordCommunicationAction
  | RecordLocalProductAction
  | SubmitDossier
  | AbandonCandidacy
  | StartReview
  | CommentOnCriterion
  | RequestChanges
  | ApproveDossier
  | RejectDossier
  | RequestFairOMeter
  | SubmitFairOMeter
  | ScoreFairOMeter
  | RenewTitle
  | RefuseRenewal
  | RaiseMomentumAlert
  | OpenSupportPlan
  | AssignSponsor
  | RecordSupportAction
  | RestoreMomentum
  | MarkRenewalOverdue
  | DeclareTitleLapsed
  | RelinquishTitle
  | WithdrawTitle
  | MergeInto
  | RecordPredecessorMerged
  | RecordLocalElection
  | RecordReminderSent;

export type CommuneCommandType = CommuneCommand['type'];
