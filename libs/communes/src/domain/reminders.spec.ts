import { command, event, given, merged, NOW, stateAfter, titled } from './testing/commune.fixtures';

const reminder = (reminderId = 'reminder-92094-fair_o_meter_due-2025-06-30') =>
  command('RecordReminderSent', { reminderId, kind: 'fair_o_meter_due', dueOn: '2025-06-30' });
const sent = (reminderId = 'reminder-92094-fair_o_meter_due-2025-06-30') =>
  event('ReminderSent', { reminderId, kind: 'fair_o_meter_due', dueOn: '2025-06-30', sentAt: NOW });

describe('Commune — reminders', () => {
  it('records a reminder sent to the COPIL', () =>
    given(...titled)
      .when(reminder())
      .then(sent()));

  it('decides nothing for a reminder id already recorded (a redelivered job)', () =>
    given(...titled, sent())
      .when(reminder())
      .thenNothing());

  it('records another reminder with another id', () =>
    given(...titled, sent())
      .when(reminder('reminder-92094-fair_o_meter_due-2025-06-16'))
      .then(sent('reminder-92094-fair_o_meter_due-2025-06-16')));

  it('is recorded for a commune that is not engaged (e.g. an invitation to join)', () =>
    given().when(reminder()).then(sent()));

  it('is refused for a merged commune', () =>
    given(...merged)
      .when(reminder())
      .thenThrows('COMMUNE_MERGED'));

  it('keeps the ids of the reminders sent in the state, whatever the status', () =>
    expect(stateAfter(sent('a'), ...titled, sent('b')).remindersSent).toEqual(['a', 'b']));
});
