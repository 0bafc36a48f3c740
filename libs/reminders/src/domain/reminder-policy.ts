import { DEFAULT_SENDING_HOURS, type SendingHours } from './business-calendar';

/**
 * The coordination's settings for deadlines and reminders. Defaults follow the domain notes (§9.4–9.5) where the
 * CDCE has published nothing; change them here, then rebuild the deadlines read model (bump its version).
 */
export interface ReminderPolicy {
  /** Days before the title's `validUntil` when the COPIL is told the renewal is coming. */
  readonly renewalNoticeDays: readonly number[];
  /** Days after the renewal became overdue before the coordination is told (0: the same morning). */
  readonly renewalEscalationDays: number;
  /** Days before a Fair-ô-mètre's due date for the "due soon" reminder. */
  readonly fairOMeterNoticeDays: number;
  /** Days before a change request's due date for the "due soon" reminder. */
  readonly changesNoticeDays: number;
  /** The coordination's service level: a dossier waiting longer than this for a decision is flagged. */
  readonly reviewServiceLevelDays: number;
  /** A candidacy with no new evidence for this long gets a nudge. */
  readonly candidacyIdleMonths: number;
  /** A COPIL without a meeting for this long gets a nudge. */
  readonly copilInactiveMonths: number;
  /** After a local election, the new council has this long to re-confirm the resolution. */
  readonly reconfirmationWithinMonths: number;
  /** Days before that limit for the "re-confirm soon" reminder. */
  readonly reconfirmationNoticeDays: number;
  readonly sending: SendingHours;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  renewalNoticeDays: [90, 30, 7],
  renewalEscalationDays: 0,
  fairOMeterNoticeDays: 14,
  changesNoticeDays: 7,
  reviewServiceLevelDays: 30,
  candidacyIdleMonths: 12,
  copilInactiveMonths: 12,
  reconfirmationWithinMonths: 6,
  reconfirmationNoticeDays: 30,
  sending: DEFAULT_SENDING_HOURS,
};
