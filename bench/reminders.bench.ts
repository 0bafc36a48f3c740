/**
 * Reminders benchmark on a real Redis (REDIS_URL, default redis://127.0.0.1:6379), under its own key prefix:
 * - reconcile 100,000 owed reminders into BullMQ: first fill, a no-op pass, and a pass where 1% changed
 *   (target: ≤ 10 s for the fill); the in-process SQLite executor side by side;
 * - lateness after the due instant with 1,000 reminders due per minute spread over one minute, while the 100,000
 *   delayed jobs stay in the queue (target: p99 ≤ 1 s).
 * Writes bench/results/reminders.json. Takes about 2 minutes.
 *
 *   npm run bench:reminders        (RECONCILE=20000 LATENESS_SECONDS=20 for a quicker run)
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { BullMqReminderScheduler, InProcessReminderScheduler, type Reminder } from '@cdce/reminders';
import { machine, nowMs, percentile, printTable, round, scratchDir, writeResults } from './support/bench-kit';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const RECONCILE = Number(process.env.RECONCILE ?? 100_000);
const PER_MINUTE = Number(process.env.PER_MINUTE ?? 1_000);
const LATENESS_SECONDS = Number(process.env.LATENESS_SECONDS ?? 60);
/** Simulated work of one job (reading a stream and appending one event takes a few milliseconds on SQLite). */
const JOB_WORK_MS = Number(process.env.JOB_WORK_MS ?? 5);
const DAY = 24 * 60 * 60 * 1000;

const KINDS = ['renewal_due_in_90d', 'renewal_due_in_30d', 'fair_o_meter_due_soon', 'copil_inactive'] as const;

/** Owed reminders spread over the next two years, as the deadlines read model would return them. */
function owedReminders(count: number, salt = ''): Reminder[] {
  const start = Date.now() + DAY;
  return Array.from({ length: count }, (_, i) => {
    const dueAt = new Date(start + ((i * 7919) % 730) * DAY).toISOString();
    const kind = KINDS[i % KINDS.length]!;
    const nis = String(10000 + (i % 89999)).padStart(5, '0');
    return {
      id: `reminder-${nis}-${kind}-${dueAt.slice(0, 10)}${salt}-${i}`,
      nis,
      kind,
      audience: 'copil',
      deadlineOn: dueAt.slice(0, 10),
      remindOn: dueAt.slice(0, 10),
      dueAt,
      series: `bench-${i}`,
    };
  });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = nowMs();
  const result = await fn();
  return { seconds: round((nowMs() - start) / 1000), result };
}

async function reconcileBench(scheduler: { reconcile(owed: readonly Reminder[]): Promise<unknown> }) {
  const owed = owedReminders(RECONCILE);
  const fill = await timed(() => scheduler.reconcile(owed));
  const noop = await timed(() => scheduler.reconcile(owed));
  const changed = [...owed.slice(RECONCILE / 100), ...owedReminders(RECONCILE / 100, '-new')];
  const onePercent = await timed(() => scheduler.reconcile(changed));
  return { fill, noop, onePercent };
}

async function latenessBench(scheduler: BullMqReminderScheduler) {
  const total = Math.round((PER_MINUTE * LATENESS_SECONDS) / 60);
  const start = Date.now() + 3000;
  const late: number[] = [];
  await scheduler.start(async (reminder) => {
    if (reminder.series !== 'lateness') return;
    late.push(Date.now() - Date.parse(reminder.dueAt));
    await new Promise((resolve) => setTimeout(resolve, JOB_WORK_MS));
  });
  const reminders = Array.from({ length: total }, (_, i): Reminder => {
    const dueAt = new Date(start + Math.floor((i * LATENESS_SECONDS * 1000) / total)).toISOString();
    return {
      id: `reminder-92094-copil_inactive-lateness-${i}`,
      nis: '92094',
      kind: 'copil_inactive',
      audience: 'copil',
      deadlineOn: dueAt.slice(0, 10),
      remindOn: dueAt.slice(0, 10),
      dueAt,
      series: 'lateness',
    };
  });
  for (const reminder of reminders) await scheduler.schedule(reminder);
  const deadline = start + LATENESS_SECONDS * 1000 + 30_000;
  while (late.length < total && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  const sorted = [...late].sort((a, b) => a - b);
  return {
    reminders: total,
    ran: late.length,
    perMinute: PER_MINUTE,
    jobWorkMs: JOB_WORK_MS,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? NaN,
    earliestMs: sorted[0] ?? NaN,
  };
}

async function main(): Promise<void> {
  // The machine may be shared: the load around the run says how much of it the benchmark had.
  const loadBefore = os.loadavg().map((l) => round(l));
  const prefix = `cdce-bench-${process.pid}-${Date.now()}`;
  const bull = new BullMqReminderScheduler({ redisUrl: REDIS_URL, prefix, concurrency: 8 });
  const embedded = InProcessReminderScheduler.open({ path: path.join(scratchDir('reminders'), 'jobs.sqlite') });
  try {
    console.log(`Reconciling ${RECONCILE} reminders into BullMQ (${REDIS_URL}, prefix ${prefix})…`);
    const bullmq = await reconcileBench(bull);
    console.log('… and into the in-process executor (SQLite)…');
    const inProcess = await reconcileBench(embedded);
    console.log(
      `Lateness: ${PER_MINUTE} reminders per minute for ${LATENESS_SECONDS} s, ${RECONCILE} delayed jobs in the queue…`,
    );
    const lateness = await latenessBench(bull);
    const rows = [
      { measure: `BullMQ reconcile ${RECONCILE} (fill)`, seconds: bullmq.fill.seconds, target: '≤ 10 s' },
      { measure: 'BullMQ reconcile again (no change)', seconds: bullmq.noop.seconds, target: '' },
      { measure: 'BullMQ reconcile with 1% changed', seconds: bullmq.onePercent.seconds, target: '' },
      { measure: `in-process reconcile ${RECONCILE} (fill)`, seconds: inProcess.fill.seconds, target: '' },
      { measure: 'in-process reconcile again (no change)', seconds: inProcess.noop.seconds, target: '' },
      { measure: 'in-process reconcile with 1% changed', seconds: inProcess.onePercent.seconds, target: '' },
      { measure: 'BullMQ lateness p50 (ms)', seconds: lateness.p50Ms, target: '' },
      { measure: 'BullMQ lateness p99 (ms)', seconds: lateness.p99Ms, target: '≤ 1000 ms' },
    ];
    printTable(rows);
    const file = writeResults('reminders.json', {
      measuredAt: new Date().toISOString(),
      machine: { ...machine(), loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg().map((l) => round(l)) },
      settings: {
        RECONCILE,
        PER_MINUTE,
        LATENESS_SECONDS,
        JOB_WORK_MS,
        concurrency: 8,
        redis: 'local redis-server, shared',
      },
      reconcile: {
        bullmq: { fill: bullmq.fill, noChange: bullmq.noop, onePercentChanged: bullmq.onePercent, targetSeconds: 10 },
        inProcess: { fill: inProcess.fill, noChange: inProcess.noop, onePercentChanged: inProcess.onePercent },
      },
      lateness: { ...lateness, targetP99Ms: 1000 },
      targetsMet: bullmq.fill.seconds <= 10 && lateness.p99Ms <= 1000 && lateness.ran === lateness.reminders,
    });
    console.log(`Results written to ${file}`);
  } finally {
    await bull.obliterate();
    await bull.stop();
    await embedded.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
