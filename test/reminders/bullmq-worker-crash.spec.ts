import { randomUUID } from 'node:crypto';
import { addDays } from '@cdce/communes';
import { brusselsDay, dueAt, REMINDER_SCHEDULER, ReminderJobHandler, type ReminderScheduler } from '@cdce/reminders';
import { requireRedisOrSkip } from '../support/require-redis';
import { eventually } from '../../libs/reminders/src/testing/reminder-scheduler.contract';
import {
  copilMeetingHeld,
  dossierApproved,
  fairOMeterRequested,
  reviewing,
  titleAwarded,
} from '../../libs/reminders/src/domain/testing/deadline.fixtures';
import { type ChildMode, WorkerChild } from './fixtures/worker-child';
import { type RemindersHarness, startReminders } from './reminders-harness';

const redis = requireRedisOrSkip('BullMQ worker crash tests');

/**
 * A worker process killed with SIGKILL in the middle of a reminder job, on a real Redis and a real SQLite store shared
 * between processes: the job's lock expires, another worker takes it again, and the commune records the reminder once.
 */
redis.describe('A BullMQ reminder worker killed mid-job', () => {
  jest.setTimeout(60_000);
  let h: RemindersHarness;
  let prefix: string;
  let child: WorkerChild | undefined;

  beforeEach(async () => {
    prefix = `cdce-test-${process.pid}-${randomUUID().slice(0, 8)}`;
    const now = new Date();
    h = await startReminders({
      now: now.toISOString(),
      redisUrl: redis.url,
      prefix,
      lockDurationMs: 1000,
      stalledIntervalMs: 500,
      onError: () => undefined,
    });
    const today = brusselsDay(now);
    await h.append(
      '92094',
      ...reviewing,
      dossierApproved(),
      titleAwarded(addDays(today, -700), addDays(today, 200)),
      copilMeetingHeld(addDays(today, -30)),
      fairOMeterRequested(addDays(today, -10), '2025', addDays(today, -60)),
    );
    h.clock.set(now);
  });
  afterEach(async () => {
    await child?.kill();
    await h.close();
  });

  it.each<[ChildMode, string]>([
    ['hang-after-record', 'after recording, before the job is acknowledged: the retry finds it done'],
    ['hang-before-record', 'before recording: the retry records it'],
  ])('%s — %s', async (mode) => {
    const [reminder] = dueAt(await h.owed('92094'), new Date());
    expect(reminder?.kind).toBe('fair_o_meter_overdue');
    const scheduler = h.app.get<ReminderScheduler>(REMINDER_SCHEDULER);
    await scheduler.schedule(reminder!);

    child = new WorkerChild(h.dataDir, redis.url, prefix, mode);
    await child.waitFor('processing');
    if (mode === 'hang-after-record') await child.waitFor('handled');
    await child.kill();
    child = undefined;

    const outcomes: string[] = [];
    const handler = h.app.get(ReminderJobHandler);
    await scheduler.start(async (r) => void outcomes.push(await handler.handle(r)));
    await eventually(() => outcomes.length === 1, 15_000, 'the stalled job to run again in another worker');
    expect(outcomes).toEqual([mode === 'hang-after-record' ? 'stale' : 'recorded']);
    expect(await h.sent('92094')).toEqual([expect.objectContaining({ reminderId: reminder!.id })]);
    expect(await scheduler.pending()).toEqual([]);
  });
});
