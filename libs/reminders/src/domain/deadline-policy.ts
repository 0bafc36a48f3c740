import { addDays, addMonths, type Commune, type CommuneStatus, resolutionNeedsReconfirmation } from '@cdce/communes';
import { brusselsDay, type IsoDate, type IsoInstant, sendingInstant } from './business-calendar';
import type { DeadlineSubject } from './deadline-subject';
import { type Audience, byDueAt, type Reminder, type ReminderKind, reminderId } from './reminder';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './reminder-policy';

/** A reminder before the calendar decides when it goes out. */
interface Planned {
  readonly kind: ReminderKind;
  readonly audience: Audience;
  readonly deadlineOn: IsoDate;
  readonly remindOn: IsoDate;
  readonly series: string;
}

/** Statuses in which a commune takes part in the campaign (and so has a COPIL and a resolution to keep alive). */
const ENGAGED: ReadonlySet<CommuneStatus> = new Set<CommuneStatus>([
  'candidate',
  'under_review',
  'changes_requested',
  'titled',
  'renewed',
  'losing_momentum',
  'renewal_under_review',
]);

/**
 * Every reminder the commune owes, past or future, most urgent first: a pure function of its history. Each deadline
 * disappears with its condition (the title renewed, the Fair-ô-mètre or the dossier submitted, a meeting held…),
 * and a reminder already recorded on the stream (`remindersSent`) is not owed again.
 *
 * Nothing here reads the clock: idle checks become due instants (last activity + N months), so the read model built
 * from this stays a pure projection. What "now" changes is left to {@link withoutSuperseded}.
 */
export function remindersOwed(subject: DeadlineSubject, policy: ReminderPolicy = DEFAULT_REMINDER_POLICY): Reminder[] {
  const { state } = subject;
  if (!ENGAGED.has(state.status)) return [];
  const planned = [
    ...renewal(state, policy),
    ...fairOMeter(state, policy),
    ...changesRequested(state, policy),
    ...reviewWaiting(state, policy),
    ...candidacyIdle(subject, policy),
    ...resolutionReconfirmation(state, policy),
    ...copilInactive(state, policy),
  ];
  const sent = new Set(state.remindersSent);
  const all = planned.map((p): Reminder => ({
    id: reminderId(subject.nis, p.kind, p.remindOn),
    nis: subject.nis,
    kind: p.kind,
    audience: p.audience,
    deadlineOn: p.deadlineOn,
    remindOn: p.remindOn,
    dueAt: sendingInstant(p.remindOn, policy.sending),
    series: p.series,
  }));
  // Once a notice went out, the earlier ones of its series are moot for good (not only while it is due).
  const lastSent = new Map<string, string>();
  for (const r of all) if (sent.has(r.id) && (lastSent.get(r.series) ?? '') < r.dueAt) lastSent.set(r.series, r.dueAt);
  return all.filter((r) => !sent.has(r.id) && r.dueAt >= (lastSent.get(r.series) ?? r.dueAt)).sort(byDueAt);
}

/**
 * Drops the reminders made moot at `now` by a later reminder of the same series that is already due: a worker that
 * was down for a month sends "7 days left", not also "30 days left" and "90 days left".
 */
export function withoutSuperseded(reminders: readonly Reminder[], now: IsoInstant | Date): Reminder[] {
  const at = typeof now === 'string' ? now : now.toISOString();
  const latestDue = new Map<string, string>();
  for (const r of reminders) {
    if (r.dueAt <= at && (latestDue.get(r.series) ?? '') < r.dueAt) latestDue.set(r.series, r.dueAt);
  }
  return reminders.filter((r) => r.dueAt >= (latestDue.get(r.series) ?? r.dueAt));
}

/** The reminders to send at `now`: due and not superseded. */
export function dueAt(reminders: readonly Reminder[], now: IsoInstant | Date): Reminder[] {
  const at = typeof now === 'string' ? now : now.toISOString();
  return withoutSuperseded(reminders, at).filter((r) => r.dueAt <= at);
}

// ─── One function per deadline ───────────────────────────────────────────────────────────────────────────────────

function renewal(state: Commune, policy: ReminderPolicy): Planned[] {
  if (state.status !== 'titled' && state.status !== 'renewed' && state.status !== 'losing_momentum') return [];
  const { validUntil } = state.title;
  const series = `renewal-${validUntil}`;
  const overdueOn = addDays(validUntil, 1);
  return [
    ...policy.renewalNoticeDays.map((days): Planned => ({
      kind: `renewal_due_in_${days}d`,
      audience: 'copil',
      deadlineOn: validUntil,
      remindOn: addDays(validUntil, -days),
      series,
    })),
    // The job for this one also sends MarkRenewalOverdue, which raises the momentum alert.
    { kind: 'renewal_overdue', audience: 'copil', deadlineOn: validUntil, remindOn: overdueOn, series },
    {
      kind: 'renewal_escalation',
      audience: 'coordination',
      deadlineOn: validUntil,
      remindOn: addDays(overdueOn, policy.renewalEscalationDays),
      series: `${series}-escalation`,
    },
  ];
}

function fairOMeter(state: Commune, policy: ReminderPolicy): Planned[] {
  if (state.status !== 'titled' && state.status !== 'renewed' && state.status !== 'losing_momentum') return [];
  const request = state.fairOMeterRequest;
  if (!request) return [];
  const series = `fair-o-meter-${request.edition}`;
  return [
    {
      kind: 'fair_o_meter_due_soon',
      audience: 'copil',
      deadlineOn: request.dueOn,
      remindOn: addDays(request.dueOn, -policy.fairOMeterNoticeDays),
      series,
    },
    {
      kind: 'fair_o_meter_overdue',
      audience: 'copil',
      deadlineOn: request.dueOn,
      remindOn: addDays(request.dueOn, 1),
      series,
    },
  ];
}

function changesRequested(state: Commune, policy: ReminderPolicy): Planned[] {
  if (state.status !== 'changes_requested') return [];
  const { dueOn } = state.changeRequest;
  const series = `changes-${state.dossier.number}-${dueOn}`;
  return [
    {
      kind: 'changes_due_soon',
      audience: 'copil',
      deadlineOn: dueOn,
      remindOn: addDays(dueOn, -policy.changesNoticeDays),
      series,
    },
    { kind: 'changes_overdue', audience: 'copil', deadlineOn: dueOn, remindOn: addDays(dueOn, 1), series },
  ];
}

function reviewWaiting(state: Commune, policy: ReminderPolicy): Planned[] {
  if (state.status !== 'under_review') return [];
  const deadlineOn = addDays(brusselsDay(state.dossier.submittedAt), policy.reviewServiceLevelDays);
  return [
    {
      kind: 'review_waiting',
      // Once a reviewer is assigned, the delay is theirs to answer for; before that, the coordination's.
      audience: state.review ? 'reviewer' : 'coordination',
      deadlineOn,
      remindOn: deadlineOn,
      series: `review-${state.dossier.number}`,
    },
  ];
}

function candidacyIdle({ state, candidacyActiveOn }: DeadlineSubject, policy: ReminderPolicy): Planned[] {
  if (state.status !== 'candidate' || candidacyActiveOn === null) return [];
  const deadlineOn = addMonths(candidacyActiveOn, policy.candidacyIdleMonths);
  return [
    { kind: 'candidacy_idle', audience: 'copil', deadlineOn, remindOn: deadlineOn, series: `idle-${deadlineOn}` },
  ];
}

function resolutionReconfirmation(state: Commune, policy: ReminderPolicy): Planned[] {
  const election = state.evidence.localElections.at(-1);
  if (!election || !resolutionNeedsReconfirmation(state.evidence)) return [];
  const deadlineOn = addMonths(election.heldOn, policy.reconfirmationWithinMonths);
  const series = `reconfirmation-${election.heldOn}`;
  return [
    {
      kind: 'resolution_reconfirmation_due',
      audience: 'copil',
      deadlineOn,
      remindOn: addDays(deadlineOn, -policy.reconfirmationNoticeDays),
      series,
    },
    {
      kind: 'resolution_reconfirmation_overdue',
      audience: 'coordination',
      deadlineOn,
      remindOn: addDays(deadlineOn, 1),
      series: `${series}-escalation`,
    },
  ];
}

/** Counted from the last meeting, or from the COPIL's formation (its first member) when it never met. */
function copilInactive(state: Commune, policy: ReminderPolicy): Planned[] {
  const { meetings, copilMembers } = state.evidence;
  const lastMeeting = meetings.reduce<IsoDate | null>(
    (last, m) => (last === null || m.heldOn > last ? m.heldOn : last),
    null,
  );
  const formed = copilMembers.reduce<IsoDate | null>(
    (first, m) => (first === null || m.joinedOn < first ? m.joinedOn : first),
    null,
  );
  const since = lastMeeting ?? formed;
  if (since === null) return [];
  const deadlineOn = addMonths(since, policy.copilInactiveMonths);
  return [
    { kind: 'copil_inactive', audience: 'copil', deadlineOn, remindOn: deadlineOn, series: `copil-${deadlineOn}` },
  ];
}
