import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as net from 'node:net';
import { addDays } from '@cdce/communes';
import {
  brusselsDay,
  dueAt,
  REMINDER_SCHEDULER,
  type Reminder,
  ReminderJobHandler,
  type ReminderScheduler,
} from '@cdce/reminders';
import { pings, requireRedisOrSkip } from '../support/require-redis';
import { eventually, sleep } from '../../libs/reminders/src/testing/reminder-scheduler.contract';
import {
  copilMeetingHeld,
  dossierApproved,
  fairOMeterRequested,
  reviewing,
  titleAwarded,
} from '../../libs/reminders/src/domain/testing/deadline.fixtures';
import { type RemindersHarness, startReminders } from './reminders-harness';

// The shared Redis must never be stopped (other suites use it): this suite runs a private one on a free port.
const redis = requireRedisOrSkip('BullMQ Redis outage test');

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

async function startRedis(port: number): Promise<ChildProcess> {
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  await eventually(() => pings(`redis://127.0.0.1:${port}`), 10_000, `redis-server on port ${port}`);
  return server;
}

async function kill(server: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGKILL');
  await exited;
}

/**
 * Redis dies (SIGKILL, no persistence: everything it held is gone) while reminders are pending, and comes back empty.
 * The executor's calls wait for it, and the reconcile from the truth (the commune streams) restores the lost jobs:
 * every reminder is recorded exactly once.
 */
redis.describe('BullMQ reminders across a Redis outage', () => {
  jest.setTimeout(60_000);
  const communes = ['92094', '25112', '52011'];
  let port: number;
  let server: ChildProcess | undefined;
  let h: RemindersHarness;

  beforeAll(async () => {
    port = await freePort();
    server = await startRedis(port);
    const now = new Date();
    h = await startReminders({
      now: now.toISOString(),
      redisUrl: `redis://127.0.0.1:${port}`,
      prefix: `cdce-test-${randomUUID().slice(0, 8)}`,
      onError: () => undefined,
    });
    const today = brusselsDay(now);
    for (const nis of communes)
      await h.append(
        nis,
        ...reviewing,
        dossierApproved(),
        titleAwarded(addDays(today, -700), addDays(today, 200)),
        copilMeetingHeld(addDays(today, -30)),
        fairOMeterRequested(addDays(today, -10), '2025', addDays(today, -60)),
      );
    h.clock.set(now);
  });
  afterAll(async () => {
    await h?.close();
    if (server) await kill(server);
  });

  /** The commune's due reminder, timed to go out `inMs` from now (so that it is still pending when Redis dies). */
  const dueIn = async (nis: string, inMs: number): Promise<Reminder> => {
    const [reminder] = dueAt(await h.owed(nis), new Date());
    return { ...reminder!, dueAt: new Date(Date.now() + inMs).toISOString() };
  };

  it('loses nothing: calls made while Redis is down wait for it, and reconcile restores what it forgot', async () => {
    const scheduler = h.app.get<ReminderScheduler>(REMINDER_SCHEDULER);
    const handler = h.app.get(ReminderJobHandler);
    const [a, b] = [await dueIn('92094', 2500), await dueIn('25112', 2500)];
    await scheduler.schedule(a);
    await scheduler.schedule(b);
    await scheduler.start(async (r) => void (await handler.handle(r)));

    await kill(server!);
    server = undefined;
    const c = await dueIn('52011', 300);
    let scheduledWhileDown = false;
    const scheduling = scheduler.schedule(c).then(() => (scheduledWhileDown = true));
    await sleep(1500);
    expect(scheduledWhileDown).toBe(false);

    server = await startRedis(port);
    await scheduling;
    // Redis came back empty: a and b are gone. The runner's reconcile with the truth puts them back.
    const owed = (await Promise.all(communes.map((nis) => h.owed(nis)))).flatMap((r) => dueAt(r, new Date()));
    const result = await scheduler.reconcile(owed);
    expect(result.added + result.kept).toBe(3);
    expect(result.added).toBeGreaterThanOrEqual(2);

    for (const nis of communes)
      await eventually(async () => (await h.sent(nis)).length === 1, 20_000, `${nis}'s reminder`);
    await sleep(500);
    for (const nis of communes) expect(await h.sent(nis)).toHaveLength(1);
  });
});
