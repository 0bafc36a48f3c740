import * as path from 'node:path';
import { addDays } from '@cdce/communes';
import { Projector, SqliteReadModelStore } from '@cdce/projections';
import {
  brusselsDay,
  DeadlinesReadModel,
  deadlinesProjection,
  InProcessReminderScheduler,
  REMINDER_SCHEDULER,
} from '@cdce/reminders';
import { eventually } from '../../libs/reminders/src/testing/reminder-scheduler.contract';
import {
  copilMeetingHeld,
  dossierApproved,
  fairOMeterRequested,
  reviewing,
  titleAwarded,
} from '../../libs/reminders/src/domain/testing/deadline.fixtures';
import { startReminders } from './reminders-harness';

/**
 * Log → deadlines read model → executor → job → ReminderSent, with the embedded (in-process) executor. The executor
 * runs on real time, so the history is laid out around today.
 */
describe('Reminder runner with the in-process executor', () => {
  it('reconciles with the read model at start and records what came due while down, latest notice only', async () => {
    const now = new Date();
    const today = brusselsDay(now);
    const h = await startReminders({ now: now.toISOString() });
    await h.append(
      '92094',
      ...reviewing,
      dossierApproved(),
      titleAwarded(addDays(today, -700), addDays(today, 20)),
      copilMeetingHeld(addDays(today, -30)),
      fairOMeterRequested(addDays(today, -10), '2025', addDays(today, -60)),
    );
    h.clock.set(now);
    const readModels = SqliteReadModelStore.open(path.join(h.dataDir, 'read-models.sqlite'));
    await new Projector(h.store, readModels, [deadlinesProjection()]).catchUp();
    expect(h.app.get(REMINDER_SCHEDULER)).toBeInstanceOf(InProcessReminderScheduler);

    const result = await h.runner.start(() => new DeadlinesReadModel(readModels).all(), { resyncEveryMs: 0 });
    // The 90-day notice and the Fair-ô-mètre "due soon" are superseded: not even queued.
    expect(result).toEqual({ added: 6, removed: 0, kept: 0 });
    await eventually(async () => (await h.sent('92094')).length === 2, 5000, 'two reminders recorded');
    expect((await h.sent('92094')).map((s) => s.kind).sort()).toEqual(['fair_o_meter_overdue', 'renewal_due_in_30d']);

    await new Projector(h.store, readModels, [deadlinesProjection()]).catchUp();
    expect(await h.runner.resync()).toEqual({ added: 0, removed: 0, kept: 4 });
    await h.close();
    readModels.close();
  });

  it('reports a periodic reconcile that fails instead of swallowing it', async () => {
    const h = await startReminders();
    let readModelOpen = true;
    const errors: string[] = [];
    await h.runner.start(
      () => {
        if (!readModelOpen) throw new Error('The database connection is not open');
        return [];
      },
      { resyncEveryMs: 50, onResyncError: (error) => errors.push((error as Error).message) },
    );
    readModelOpen = false;
    await eventually(() => errors.length > 0, 3000, 'the failure to be reported');
    expect(errors[0]).toBe('The database connection is not open');
    await h.close();
  });
});
