/*
 * The shapes the web app reads from the API. They mirror the server's responses (apps/api/src/communes/**) as far
 * as the pages use them; fields the pages do not use are left out.
 */

export const COMMUNE_STATUSES = [
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
] as const;
export type CommuneStatus = (typeof COMMUNE_STATUSES)[number];

/** Statuses in which a commune holds the title. */
export const TITLE_HOLDING: readonly CommuneStatus[] = ['titled', 'renewed', 'losing_momentum', 'renewal_under_review'];

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

export const CRITERIA = [1, 2, 3, 4, 5, 6] as const;
export type Criterion = (typeof CRITERIA)[number];

export const PARTNER_KINDS = ['shop', 'horeca', 'business', 'organisation', 'school'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export type Role = 'coordination' | 'copil' | 'auditor' | 'admin';
export type Region = 'wallonia' | 'brussels';

/** `GET /api/session`: who holds the token. */
export interface Session {
  readonly tokenId: string;
  readonly label: string;
  readonly role: Role;
  readonly communes: readonly string[];
  readonly permissions: readonly string[];
}

/** One entry of `GET /api/actors`: the token an event's `actor.id` names. */
export interface Actor {
  readonly id: string;
  readonly label: string;
  readonly role: Role;
  readonly revoked: boolean;
}

/** One entry of `GET /api/municipalities`: reference names in French, Dutch and German. */
export interface MunicipalityReference {
  readonly nis: string;
  readonly names: { readonly fr: string; readonly nl: string; readonly de?: string };
  readonly province: { readonly fr: string; readonly nl: string } | null;
  readonly region: string;
  readonly successor?: string;
}

/** One row of `GET /api/communes`. */
export interface CommuneListItem {
  readonly nis: string;
  readonly names: { readonly fr: string; readonly nl: string; readonly de?: string | null };
  readonly province: string | null;
  readonly region: string;
  readonly population: number;
  readonly status: CommuneStatus;
  readonly titleCycle: number | null;
  readonly validUntil: string | null;
  readonly lastGrade: string | null;
  readonly openAlertReasons: readonly string[];
  readonly sponsorNis: string | null;
  readonly revision: string | null;
  readonly updatedAt: string | null;
}

export interface CommuneList {
  readonly total: number;
  readonly items: readonly CommuneListItem[];
}

export interface Title {
  readonly cycle: number;
  readonly validFrom: string;
  readonly validUntil: string;
}

export interface CriterionCheck {
  readonly criterion: Criterion;
  readonly name: string;
  readonly met: boolean;
  readonly evidence: Readonly<Record<string, number>>;
  readonly required: Readonly<Record<string, number>>;
  readonly missing: readonly string[];
}

export interface Dossier {
  readonly number: number;
  readonly submittedAt: string;
  readonly criteriaSetId: string;
  readonly population: number;
  readonly checklist: readonly CriterionCheck[];
  readonly acknowledgedIncomplete: boolean;
}

export interface ReviewComment {
  readonly commentId: string;
  readonly criterion: Criterion;
  readonly comment: string;
  readonly authorId: string;
  readonly at: string;
}

export interface Review {
  readonly reviewerId: string;
  readonly startedAt: string;
  readonly comments: readonly ReviewComment[];
}

export interface ChangeRequest {
  readonly changes: readonly { readonly criterion: Criterion; readonly reason: string }[];
  readonly dueOn: string;
  readonly requestedAt: string;
}

export interface Evidence {
  readonly councilResolutions: readonly { readonly votedOn: string; readonly fairTradeProducts: readonly string[] }[];
  readonly localElections: readonly { readonly heldOn: string; readonly reconfirmedOn: string | null }[];
  readonly copilMembers: readonly {
    readonly personId: string;
    readonly role: string;
    readonly sector: string;
    readonly joinedOn: string;
  }[];
  readonly charter: { readonly adoptedOn: string; readonly sections: readonly string[] } | null;
  readonly meetings: readonly { readonly heldOn: string; readonly attendeeCount: number | null }[];
  readonly partners: readonly {
    readonly partnerId: string;
    readonly kind: PartnerKind;
    readonly fairTradeProducts: readonly string[];
    readonly registeredOn: string;
  }[];
  readonly communicationActions: readonly { readonly occurredOn: string }[];
  readonly localProductActions: readonly { readonly occurredOn: string }[];
}

export interface SupportPlan {
  readonly openedAt: string;
  readonly difficulties: readonly string[];
  readonly plannedActions: readonly string[];
  readonly sponsorNis: string | null;
}

/**
 * The folded state of a commune. The server's type is a union on `status`; the web app reads it as one record with
 * optional parts, and shows each part only when it is there.
 */
export interface CommuneState {
  readonly status: CommuneStatus;
  readonly nis: string | null;
  readonly evidence: Evidence;
  readonly lastCycle: number;
  readonly fairOMeters: readonly {
    readonly edition: string;
    readonly total: number;
    readonly grade: string | null;
    readonly submittedAt: string;
  }[];
  readonly alerts: readonly {
    readonly alertId: string;
    readonly reasons: readonly string[];
    readonly note: string | null;
    readonly raisedAt: string;
  }[];
  readonly title?: Title;
  readonly formerTitle?: Title;
  readonly reasons?: readonly string[];
  readonly endedAt?: string;
  readonly dossier?: Dossier;
  readonly review?: Review | null;
  readonly changeRequest?: ChangeRequest;
  readonly lastRejection?: { readonly reasons: readonly string[]; readonly rejectedAt: string } | null;
  readonly fairOMeterRequest?: { readonly edition: string; readonly dueOn: string } | null;
  readonly momentum?: { readonly since: string; readonly supportPlan: SupportPlan | null } | null;
  readonly fairOMeter?: FairOMeterSubmission;
  readonly successorNis?: string;
  readonly effectiveOn?: string;
}

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

/** The Fair-ô-mètre of a renewal under review: four blocks of 0–25 points, key figures, and the score once given. */
export interface FairOMeterSubmission {
  readonly edition: string;
  readonly blocks: {
    readonly communalPolicy: number;
    readonly communication: number;
    readonly events: number;
    readonly steeringCommittee: number;
  };
  readonly figures: { readonly volunteers: number; readonly events: number; readonly products: number };
  readonly total: number;
  readonly submittedAt: string;
  readonly score: { readonly grade: Grade; readonly reviewerId: string; readonly scoredAt: string } | null;
}

/** `GET /api/communes/:nis`. */
export interface CommuneStateResponse {
  readonly nis: string;
  readonly name: string;
  readonly revision: string;
  readonly asOf: string | null;
  readonly state: CommuneState;
}

export interface HistoryEntry {
  readonly id: string;
  readonly type: string;
  readonly revision: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: {
    readonly recordedAt: string;
    readonly actor?: { readonly id: string; readonly role: string };
  };
}

/** `GET /api/communes/:nis/history`. */
export interface CommuneHistory {
  readonly nis: string;
  readonly revision: string;
  readonly integrity: { readonly verified: boolean; readonly problem?: string };
  readonly events: readonly HistoryEntry[];
}

/** What every command endpoint answers. */
export interface CommandResponse {
  readonly nis: string;
  readonly revision: string;
  readonly status: CommuneStatus;
  readonly alreadyHandled: boolean;
}

/** An `application/problem+json` body. */
export interface Problem {
  readonly title?: string;
  readonly status?: number;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly { readonly field: string; readonly messages: readonly string[] }[];
}

// ─── Dashboards (apps/api/src/dashboards, libs/dashboards) ──────────────────────────────────────────────────────

export type StatusCounts = Readonly<Record<CommuneStatus, number>>;

export interface TitlesOfYear {
  readonly year: number;
  readonly awarded: number;
  readonly renewed: number;
  readonly lost: number;
}

export interface RenewalDue {
  readonly nis: string;
  readonly name: string;
  readonly status: CommuneStatus;
  readonly validUntil: string;
  readonly daysLeft: number;
}

export interface LosingMomentumCommune {
  readonly nis: string;
  readonly name: string;
  readonly since: string | null;
  readonly reasons: readonly MomentumReason[];
  readonly supportPlan: boolean;
  readonly sponsorNis: string | null;
}

/** `GET /api/dashboard`. */
export interface DashboardFigures {
  readonly now: string;
  readonly today: string;
  readonly campaignCommunes: number;
  readonly byStatus: StatusCounts;
  readonly byProvince: readonly {
    readonly province: string | null;
    readonly region: string;
    readonly communes: number;
    readonly byStatus: StatusCounts;
  }[];
  readonly titled: { readonly holders: number; readonly share: number };
  readonly titlesPerYear: readonly TitlesOfYear[];
  readonly timeToFirstTitle?: { readonly communes: number; readonly medianMonths: number | null };
  readonly renewalsDue: {
    readonly within30Days: number;
    readonly within90Days: number;
    readonly overdue: number;
    readonly communes: readonly RenewalDue[];
  };
  readonly losingMomentum: {
    readonly total: number;
    readonly byReason: Readonly<Record<MomentumReason, number>>;
    readonly communes: readonly LosingMomentumCommune[];
  };
}

/** One line of `GET /api/review-queue`. */
export interface ReviewQueueItem {
  readonly nis: string;
  readonly name: string;
  readonly kind: 'candidacy' | 'renewal';
  readonly status: CommuneStatus;
  readonly submittedAt: string | null;
  readonly reviewerId: string | null;
  readonly daysWaiting: number | null;
  readonly revision: string | null;
  readonly dossier?: { readonly unmet: number; readonly acknowledgedIncomplete: boolean } | null;
  readonly fairOMeter?: { readonly edition: string; readonly total: number; readonly grade: string | null } | null;
}

export interface ReviewQueue {
  readonly total: number;
  readonly items: readonly ReviewQueueItem[];
}

/** `GET /api/communes/:nis/partners`. */
export interface CommunePartners {
  readonly nis: string;
  readonly criteriaSetId: string;
  readonly minProductsPerPartner: number;
  readonly byKind: Readonly<Record<PartnerKind, { readonly registered: number; readonly counted: number }>>;
  readonly requirements: readonly {
    readonly criterion: 2 | 3;
    readonly key: 'shops' | 'horeca' | 'organisations';
    readonly counted: number;
    readonly required: number;
    readonly met: boolean;
  }[];
  readonly partners: readonly {
    readonly partnerId: string;
    readonly kind: PartnerKind;
    readonly fairTradeProducts: readonly string[];
    readonly registeredOn: string;
    readonly counts: boolean;
  }[];
}

/** One line of `GET /api/activity`. */
export interface ActivityItem {
  readonly position: string;
  readonly nis: string;
  readonly name: string;
  readonly type: string;
  /** The token that acted (named by `GET /api/actors`). */
  readonly actorId: string;
  readonly actorRole: string;
  readonly recordedAt: string;
}

export interface ActivityPage {
  readonly items: readonly ActivityItem[];
  readonly nextBefore: string | null;
}

/** One contact of `GET /api/communes/:nis/people` (the people directory; erased people are not listed). */
export interface Contact {
  readonly personId: string;
  readonly fullName: string;
  readonly email: string;
  readonly phone?: string;
  readonly language: 'fr' | 'nl' | 'de';
  readonly roles: readonly string[];
}
