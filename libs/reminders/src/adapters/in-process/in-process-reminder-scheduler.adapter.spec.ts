import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeReminderSchedulerContract, eventually, testReminder } from '../../testing/reminder-scheduler.contract';
import type { ReminderScheduler } from '../../scheduler/reminder-scheduler.port';
import { InProcessReminderScheduler } from './in-process-reminder-scheduler.adapter';

const folder = () => fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'reminder-jobs-'));

describeReminderSchedulerContract('InProcessReminderScheduler', () => {
  const file = path.join(folder(), 'jobs.sqlite');
  const opened: ReminderScheduler[] = [];
  return {
    open: (retry = {}) => {
      const scheduler = InProcessReminderScheduler.open({ path: file, ...retry });
      opened.push(scheduler);
      return scheduler;
    },
    cleanup: async () => {
      await Promise.all(opened.map((s) => s.stop()));
    },
  };
});

describe('InProcessReminderScheduler after a crash', () => {
  it('runs again a job that the crash caught running', async () => {
    const file = path.join(folder(), 'jobs.sqlite');
    const before = InProcessReminderScheduler.open({ path: file });
    await before.schedule(testReminder('interrupted', Date.now() - 1000));
    await before.stop();
    // What a process killed mid-job leaves behind: the job marked active, its attempt counted, never finished.
    const db = new Database(file);
    db.prepare("UPDATE reminder_jobs SET state = 'active', attempts = 1").run();
    db.close();

    const after = InProcessReminderScheduler.open({ path: file });
    const seen: string[] = [];
    await after.start(async (reminder) => void seen.push(reminder.id));
    await eventually(() => seen.length === 1, 3000, 'the interrupted job');
    await eventually(() => after.stateOf('reminder-92094-interrupted')?.state === 'completed');
    expect(after.stateOf('reminder-92094-interrupted')).toMatchObject({ attempts: 2 });
    await after.stop();
  });
});
