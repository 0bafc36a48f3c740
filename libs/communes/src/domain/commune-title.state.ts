import type { IsoDate, IsoInstant } from './calendar';

/* The title, its Fair-ô-mètre renewals and the momentum episodes of a titled commune. */

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
