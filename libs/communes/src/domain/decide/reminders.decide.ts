import type { RecordReminderSent } from '../commune.commands';
import type { ReminderSent } from '../commune.events';
import type { Commune } from '../commune.state';
import { notMerged } from './guards';

/** Redelivered reminder jobs are harmless: a reminder id already recorded decides nothing. */
export function recordReminderSent({ data, now }: RecordReminderSent, state: Commune): ReminderSent[] {
  const current = notMerged(state, 'record a reminder');
  if (current.remindersSent.includes(data.reminderId)) return [];
  return [
    { type: 'ReminderSent', data: { reminderId: data.reminderId, kind: data.kind, dueOn: data.dueOn, sentAt: now } },
  ];
}
