import { dueAt, type Reminder } from '@cdce/reminders';
import {
  fairOMeterRequested,
  fairOMeterSubmitted,
  titled,
} from '../../libs/reminders/src/domain/testing/deadline.fixtures';
import { startReminders, type RemindersHarness } from './reminders-harness';

/** The job behind each due reminder, through the real command bus, decider and SQLite store. */
describe('ReminderJobHandler', () => {
  let h: RemindersHarness;
  beforeAll(async () => {
    h = await startReminders();
  });
  afterAll(() => h.close());

  const find = async (nis: string, kind: string): Promise<Reminder> => {
    const reminder = (await h.owed(nis)).find((r) => r.kind === kind);
    if (!reminder) throw new Error(`${nis} owes no ${kind}`);
    return reminder;
  };

  it('records ReminderSent with the kind and the deadline, once, however often the job runs', async () => {
    await h.append('92094', ...titled, fairOMeterRequested('2025-06-30'));
    const reminder = await find('92094', 'fair_o_meter_due_soon');
    expect(await h.handler.handle(reminder)).toBe('recorded');
    expect(await h.handler.handle(reminder)).toBe('stale');
    await Promise.all([h.handler.handle(reminder), h.handler.handle(reminder)]);
    expect(await h.sent('92094')).toEqual([
      {
        reminderId: 'reminder-92094-fair_o_meter_due_soon-2025-06-16',
        kind: 'fair_o_meter_due_soon',
        dueOn: '2025-06-30',
        sentAt: '2025-06-20T12:00:00.000Z',
      },
    ]);
    const [event] = await h.store.readStream('commune-92094', { direction: 'backwards', maxCount: 1 });
    expect(event!.metadata).toMatchObject({ actor: { id: 'reminders', role: 'system' }, correlationId: reminder.id });
  });

  it('marks an overdue renewal (raising the momentum alert) and records the reminder, once', async () => {
    await h.append('25112', ...titled);
    h.clock.set('2025-10-13T07:00:05.000Z');
    const overdue = await find('25112', 'renewal_overdue');
    expect(dueAt(await h.owed('25112'), h.clock.now()).map((r) => r.kind)).toContain('renewal_overdue');
    await h.handler.handle(overdue);
    await h.handler.handle(overdue);
    const types = (await h.types('25112')).slice(titled.length);
    expect(types).toEqual(['RenewalOverdue', 'MomentumAlertRaised', 'ReminderSent']);
    h.clock.set('2025-06-20T12:00:00.000Z');
  });

  it('skips a reminder whose condition was met after it was scheduled (stale job)', async () => {
    await h.append('52011', ...titled, fairOMeterRequested('2025-06-30'));
    const reminder = await find('52011', 'fair_o_meter_overdue');
    await h.append('52011', fairOMeterSubmitted('2025-06-19'));
    expect(await h.handler.handle(reminder)).toBe('stale');
    expect(await h.sent('52011')).toEqual([]);
  });

  it('skips a notice superseded by a later one already due (after downtime only the latest goes out)', async () => {
    await h.append('57081', ...titled);
    h.clock.set('2025-09-12T08:00:00.000Z');
    const ninety = await find('57081', 'renewal_due_in_90d');
    const thirty = await find('57081', 'renewal_due_in_30d');
    expect(await h.handler.handle(ninety)).toBe('stale');
    expect(await h.handler.handle(thirty)).toBe('recorded');
    expect((await h.sent('57081')).map((s) => s.kind)).toEqual(['renewal_due_in_30d']);
    h.clock.set('2025-06-20T12:00:00.000Z');
  });

  it('skips a commune that has no stream', async () =>
    expect(await h.handler.handle({ ...(await find('92094', 'copil_inactive')), nis: '92035' })).toBe('stale'));
});
