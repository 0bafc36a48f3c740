import type { IsoDate, IsoInstant } from './business-calendar';

/** Who a reminder is for. The mailer finds the addresses: the COPIL's contact, the coordination, the assigned reviewer. */
export type Audience = 'copil' | 'coordination' | 'reviewer';

/**
 * What a reminder is about. This vocabulary is recorded in `ReminderSent.kind` and read by the mailer to pick a
 * template; never rename a kind (add new ones instead). Renewal notices carry their offset: `renewal_due_in_90d`.
 */
export type ReminderKind =
  | `renewal_due_in_${number}d`
  | 'renewal_overdue'
  | 'renewal_escalation'
  | 'fair_o_meter_due_soon'
  | 'fair_o_meter_overdue'
  | 'changes_due_soon'
  | 'changes_overdue'
  | 'review_waiting'
  | 'candidacy_idle'
  | 'resolution_reconfirmation_due'
  | 'resolution_reconfirmation_overdue'
  | 'copil_inactive';

/** A reminder a commune owes: a pure value derived from its stream, also the description of the job that sends it. */
export interface Reminder {
  /** `reminder-<nis>-<kind>-<remindOn>`: deterministic, no `:`, never all digits (it is also the BullMQ job id). */
  readonly id: string;
  readonly nis: string;
  readonly kind: ReminderKind;
  readonly audience: Audience;
  /** The date the reminder is about (title end, Fair-ô-mètre due date…); recorded as `ReminderSent.dueOn`. */
  readonly deadlineOn: IsoDate;
  /** The calendar day the policy wants the reminder on, before skipping weekends and holidays. */
  readonly remindOn: IsoDate;
  /** When it goes out: 09:00 in Brussels on the first business day on or after `remindOn` (UTC instant). */
  readonly dueAt: IsoInstant;
  /**
   * Reminders about the same deadline for the same audience. Once a later one of the series is due, the earlier ones
   * are moot: after downtime only the latest is sent, not the whole series at once.
   */
  readonly series: string;
}

export function reminderId(nis: string, kind: ReminderKind, remindOn: IsoDate): string {
  return `reminder-${nis}-${kind}-${remindOn}`;
}

/** Most urgent first; ties broken by id so that every node orders the same way. */
export function byDueAt(a: Reminder, b: Reminder): number {
  return a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
