import type { Reminder } from '../domain/reminder';
import type { ReminderRetryOptions, ReminderScheduler } from '../scheduler/reminder-scheduler.port';

/** One test's storage for an executor: `open` twice gives two executors on the same jobs (a restart). */
export interface SchedulerFixture {
  open(retry?: ReminderRetryOptions): ReminderScheduler;
  /** Stops what `open` returned and deletes the test's jobs. */
  cleanup(): Promise<void>;
}

/** A reminder due at `dueAt` (ms since epoch); the rest of the description does not matter to an executor. */
export function testReminder(id: string, dueAt: number): Reminder {
  const due = new Date(dueAt).toISOString();
  return {
    id: `reminder-92094-${id}`,
    nis: '92094',
    kind: 'renewal_due_in_7d',
    audience: 'copil',
    deadlineOn: due.slice(0, 10),
    remindOn: due.slice(0, 10),
    dueAt: due,
    series: 'test',
  };
}

/** Polls `check` until it holds or the time is up. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Run {
  readonly id: string;
  readonly at: number;
}

/**
 * The contract of {@link ReminderScheduler}, run against every adapter with real storage and real time (short delays).
 * `describeFn` lets a suite skip when its backing service is missing.
 */
export function describeReminderSchedulerContract(
  name: string,
  makeFixture: () => SchedulerFixture,
  describeFn: jest.Describe = describe,
): void {
  describeFn(`${name} (ReminderScheduler contract)`, () => {
    let fixture: SchedulerFixture;
    let runs: Run[];
    const recorder = async (reminder: Reminder) => {
      runs.push({ id: reminder.id, at: Date.now() });
    };
    const runsOf = (id: string) => runs.filter((r) => r.id === `reminder-92094-${id}`);

    beforeEach(() => {
      fixture = makeFixture();
      runs = [];
    });
    afterEach(() => fixture.cleanup());

    it('runs a reminder at its due instant, not before', async () => {
      const scheduler = fixture.open();
      const due = Date.now() + 800;
      await scheduler.schedule(testReminder('on-time', due));
      await scheduler.start(recorder);
      await sleep(400);
      expect(runs).toEqual([]);
      await eventually(() => runs.length === 1, 5000, 'the reminder to run');
      expect(runs[0]!.at).toBeGreaterThanOrEqual(due);
      expect(runs[0]!.at - due).toBeLessThan(1500);
    });

    it('runs at once what came due while it was down', async () => {
      const scheduler = fixture.open();
      await scheduler.reconcile([testReminder('missed', Date.now() - 3_600_000)]);
      const started = Date.now();
      await scheduler.start(recorder);
      await eventually(() => runsOf('missed').length === 1, 5000, 'the missed reminder');
      expect(runs[0]!.at - started).toBeLessThan(2000);
    });

    it('schedules an id once: again while pending, or once done within the retention window, runs nothing more', async () => {
      const scheduler = fixture.open();
      const reminder = testReminder('once', Date.now() + 300);
      await scheduler.schedule(reminder);
      await scheduler.schedule(reminder);
      await scheduler.start(recorder);
      await eventually(() => runs.length === 1, 5000, 'the first run');
      await scheduler.schedule(reminder);
      expect(await scheduler.reconcile([reminder])).toEqual({ added: 0, removed: 0, kept: 1 });
      await sleep(700);
      expect(runsOf('once')).toHaveLength(1);
    });

    it('cancels a pending reminder', async () => {
      const scheduler = fixture.open();
      await scheduler.schedule(testReminder('cancelled', Date.now() + 500));
      await scheduler.schedule(testReminder('kept', Date.now() + 500));
      await scheduler.cancel('reminder-92094-cancelled');
      await scheduler.cancel('reminder-92094-unknown');
      expect((await scheduler.pending()).map((p) => p.id)).toEqual(['reminder-92094-kept']);
      await scheduler.start(recorder);
      await eventually(() => runs.length === 1, 5000, 'the kept reminder');
      await sleep(300);
      expect(runs.map((r) => r.id)).toEqual(['reminder-92094-kept']);
    });

    it('reconciles: adds what is missing, removes what is no longer owed, keeps the rest', async () => {
      const scheduler = fixture.open();
      const hour = Date.now() + 3_600_000;
      const [a, b, c] = [testReminder('a', hour), testReminder('b', hour + 1000), testReminder('c', hour + 2000)];
      await scheduler.schedule(a);
      await scheduler.schedule(b);
      expect(await scheduler.reconcile([b, c, c])).toEqual({ added: 1, removed: 1, kept: 1 });
      expect(await scheduler.pending()).toEqual([
        { id: b.id, dueAt: b.dueAt },
        { id: c.id, dueAt: c.dueAt },
      ]);
      expect(await scheduler.reconcile([b, c])).toEqual({ added: 0, removed: 0, kept: 2 });
      expect(await scheduler.reconcile([])).toEqual({ added: 0, removed: 2, kept: 0 });
      expect(await scheduler.pending()).toEqual([]);
    });

    it('retries a failing job with exponential backoff', async () => {
      const scheduler = fixture.open({ attempts: 4, backoffMs: 200 });
      await scheduler.schedule(testReminder('flaky', Date.now()));
      let calls = 0;
      await scheduler.start(async (reminder) => {
        runs.push({ id: reminder.id, at: Date.now() });
        if (++calls < 3) throw new Error(`failure ${calls}`);
      });
      await eventually(() => runs.length === 3, 8000, 'three attempts');
      const [first, second, third] = runs.map((r) => r.at) as [number, number, number];
      expect(second - first).toBeGreaterThanOrEqual(190);
      expect(third - second).toBeGreaterThanOrEqual(390);
      await sleep(900);
      expect(runs).toHaveLength(3);
    });

    it('gives a job up after its attempts', async () => {
      const scheduler = fixture.open({ attempts: 2, backoffMs: 100 });
      await scheduler.schedule(testReminder('doomed', Date.now()));
      await scheduler.start(async (reminder) => {
        runs.push({ id: reminder.id, at: Date.now() });
        throw new Error('always');
      });
      await eventually(() => runs.length === 2, 5000, 'two attempts');
      await sleep(800);
      expect(runs).toHaveLength(2);
      expect(await scheduler.pending()).toEqual([]);
    });

    it('gives a job given up a new series of attempts at a reconcile, once the wait is over, while it is owed', async () => {
      const scheduler = fixture.open({ attempts: 1, backoffMs: 50, retryFailedAfterMs: 600 });
      const reminder = testReminder('outage', Date.now());
      await scheduler.schedule(reminder);
      let down = true;
      await scheduler.start(async (r) => {
        runs.push({ id: r.id, at: Date.now() });
        if (down) throw new Error('event store unavailable');
      });
      await eventually(() => runs.length === 1, 5000, 'the failing attempt');
      await sleep(100);
      down = false;
      expect(await scheduler.reconcile([reminder])).toEqual({ added: 0, removed: 0, kept: 1 });
      await sleep(700);
      expect(runs).toHaveLength(1);
      expect(await scheduler.reconcile([reminder])).toEqual({ added: 1, removed: 0, kept: 0 });
      await eventually(() => runs.length === 2, 5000, 'the new attempt');
      await sleep(300);
      expect(await scheduler.reconcile([reminder])).toEqual({ added: 0, removed: 0, kept: 1 });
      expect(runs).toHaveLength(2);
    });

    it('keeps its jobs across a restart', async () => {
      const first = fixture.open();
      await first.schedule(testReminder('durable', Date.now() + 400));
      await first.stop();
      const second = fixture.open();
      expect((await second.pending()).map((p) => p.id)).toEqual(['reminder-92094-durable']);
      await second.start(recorder);
      await eventually(() => runsOf('durable').length === 1, 5000, 'the reminder after a restart');
    });

    it('runs many due reminders, each once', async () => {
      const scheduler = fixture.open();
      const now = Date.now();
      const owed = Array.from({ length: 200 }, (_, i) => testReminder(`bulk-${i}`, now - 1000 + (i % 10) * 50));
      await scheduler.reconcile(owed);
      await scheduler.start(recorder);
      await eventually(() => runs.length >= 200, 10_000, '200 runs');
      await sleep(300);
      expect(new Set(runs.map((r) => r.id)).size).toBe(200);
      expect(runs).toHaveLength(200);
    });
  });
}
