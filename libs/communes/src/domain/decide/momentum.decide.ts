import type {
  AssignSponsor,
  MarkRenewalOverdue,
  OpenSupportPlan,
  RaiseMomentumAlert,
  RecordSupportAction,
  RestoreMomentum,
} from '../commune.commands';
import type {
  MomentumAlertRaised,
  MomentumRestored,
  RenewalOverdue,
  SponsorAssigned,
  SupportActionRecorded,
  SupportPlanOpened,
} from '../commune.events';
import type { Commune, LosingMomentum, SupportPlan } from '../commune.state';
import { holdsTitle, MOMENTUM_REASONS } from '../commune.state';
import { refuse } from '../commune.errors';
import { notInFuture, notMerged, reasons, titleHolder, today, unusedId, validNis } from './guards';

/** From titled or renewed the commune starts losing momentum; while losing it, further alerts add reasons. */
export function raiseMomentumAlert({ data, now }: RaiseMomentumAlert, state: Commune): MomentumAlertRaised[] {
  const current = titleHolder(state, 'raise a momentum alert');
  if (data.reasons.length === 0) throw refuse('REASONS_REQUIRED', 'Give at least one reason for the alert.');
  const unknown = data.reasons.filter((r) => !MOMENTUM_REASONS.includes(r));
  if (unknown.length > 0)
    throw refuse(
      'UNKNOWN_MOMENTUM_REASON',
      `Unknown alert reason(s) ${unknown.join(', ')}: use ${MOMENTUM_REASONS.join(', ')}.`,
    );
  unusedId(
    current.alerts.map((a) => a.alertId),
    data.alertId,
    'Alert',
  );
  return [
    {
      type: 'MomentumAlertRaised',
      data: { alertId: data.alertId, reasons: [...new Set(data.reasons)], note: data.note ?? null, raisedAt: now },
    },
  ];
}

export function openSupportPlan({ data, now }: OpenSupportPlan, state: Commune): SupportPlanOpened[] {
  const current = losingMomentum(state, 'open a support plan');
  if (current.momentum.supportPlan)
    throw refuse(
      'SUPPORT_PLAN_ALREADY_OPEN',
      `A support plan is open since ${current.momentum.supportPlan.openedAt}: add actions to it.`,
    );
  return [
    {
      type: 'SupportPlanOpened',
      data: {
        difficulties: reasons(data.difficulties, 'open a support plan (the difficulties met)'),
        plannedActions: data.plannedActions.map((a) => a.trim()).filter((a) => a.length > 0),
        openedAt: now,
      },
    },
  ];
}

/** The sponsor must hold the title: the caller looked it up and says so in `sponsorIsTitled`. */
export function assignSponsor({ data, now }: AssignSponsor, state: Commune): SponsorAssigned[] {
  const { current, plan } = withSupportPlan(state, 'assign a sponsor');
  const sponsorNis = validNis(data.sponsorNis, 'The sponsor');
  if (sponsorNis === current.nis)
    throw refuse('SPONSOR_IS_SELF', 'A commune cannot sponsor itself: choose another titled commune.');
  if (!data.sponsorIsTitled)
    throw refuse(
      'SPONSOR_NOT_TITLED',
      `Commune ${sponsorNis} does not hold the title: a sponsor must be a titled commune.`,
    );
  if (plan.sponsorNis === sponsorNis) return [];
  return [{ type: 'SponsorAssigned', data: { sponsorNis, assignedAt: now } }];
}

export function recordSupportAction({ data, now }: RecordSupportAction, state: Commune): SupportActionRecorded[] {
  const { plan } = withSupportPlan(state, 'record a support action');
  unusedId(
    plan.actions.map((a) => a.actionId),
    data.actionId,
    'Support action',
  );
  notInFuture(data.occurredOn, now, 'The support action');
  return [
    {
      type: 'SupportActionRecorded',
      data: { actionId: data.actionId, occurredOn: data.occurredOn, summary: data.summary },
    },
  ];
}

export function restoreMomentum({ data, now }: RestoreMomentum, state: Commune): MomentumRestored[] {
  const current = losingMomentum(state, 'restore momentum');
  return [
    { type: 'MomentumRestored', data: { restoredTo: current.restoreTo, note: data.note ?? null, restoredAt: now } },
  ];
}

/**
 * Sent by a timer once the title period ending on `validUntil` is over. Decides nothing when the timer is stale
 * (the title was renewed meanwhile), already handled for that period, or the Fair-ô-mètre is under review (the
 * commune did its part; the delay is the coordination's).
 */
export function markRenewalOverdue(
  { data, now }: MarkRenewalOverdue,
  state: Commune,
): [] | [RenewalOverdue, MomentumAlertRaised] {
  const current = notMerged(state, 'mark the renewal overdue');
  if (current.status === 'renewal_under_review') return [];
  if (!holdsTitle(current))
    throw refuse(
      'NOT_TITLED',
      `Cannot mark the renewal overdue: the commune does not hold the title (now ${current.status}).`,
    );
  const { title } = current;
  if (title.validUntil !== data.validUntil || current.overdueMarkedFor.includes(title.validUntil)) return [];
  if (today(now) <= title.validUntil)
    throw refuse(
      'RENEWAL_NOT_YET_DUE',
      `The title is valid until ${title.validUntil}: the renewal is not overdue yet.`,
    );
  return [
    { type: 'RenewalOverdue', data: { cycle: title.cycle, validUntil: title.validUntil, detectedAt: now } },
    {
      type: 'MomentumAlertRaised',
      // Derived, not generated: the same period always yields the same alert id.
      data: { alertId: `renewal-overdue-${title.validUntil}`, reasons: ['renewal_overdue'], note: null, raisedAt: now },
    },
  ];
}

function losingMomentum(state: Commune, action: string): LosingMomentum {
  const current = notMerged(state, action);
  if (current.status !== 'losing_momentum')
    throw refuse(
      'NOT_LOSING_MOMENTUM',
      `Cannot ${action}: the commune is not losing momentum (now ${current.status}).`,
    );
  return current;
}

function withSupportPlan(state: Commune, action: string): { current: LosingMomentum; plan: SupportPlan } {
  const current = losingMomentum(state, action);
  const plan = current.momentum.supportPlan;
  if (!plan) throw refuse('NO_SUPPORT_PLAN', `Cannot ${action}: open a support plan first.`);
  return { current, plan };
}
