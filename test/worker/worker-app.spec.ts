import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import { addDays, readCommuneHistory } from '@cdce/communes';
import { EVENT_STORE, type EventStore, SqliteEventStore } from '@cdce/eventsourcing';
import {
  type BullMqRecurringExecutor,
  JobsRuntime,
  type JobsModuleOptions,
  noWebinarAlertId,
  QueueInspector,
  RECURRING_EXECUTOR,
} from '@cdce/jobs';
import { type AppConfig, ManualClock } from '@cdce/platform';
import { BullMqReminderScheduler, brusselsDay, REMINDER_SCHEDULER } from '@cdce/reminders';
import { nextOccurrences, readWebinar } from '@cdce/webinars';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { on } from '../../libs/reminders/src/domain/testing/deadline.fixtures';
import { requireRedisOrSkip } from '../support/require-redis';
import { configFor, eventually, tempDataDir, titledHistory, titleEndWithDueNotice } from './worker-harness';

const NAMUR = '92094';
const LIEGE = '62063';
const DAVERDISSE = '84016';
const THEMES = { byMonth: ['Le label Prix Juste Producteur'] };

type Entry = ReturnType<typeof on>;

/** Writes histories straight into the events file before the worker starts, each event at its own instant. */
async function seed(dataDir: string, streams: Record<string, Entry[]>): Promise<void> {
  let at = new Date();
  const store = SqliteEventStore.open({ path: path.join(dataDir, 'events.sqlite'), clock: () => at });
  let n = 0;
  for (const [streamId, entries] of Object.entries(streams)) {
    for (const entry of entries) {
      at = new Date(entry.at);
      const id = `seed-${++n}`;
      await store.appendToStream(streamId, [{ id, type: entry.event.type, data: entry.event.data }], {
        expectedRevision: 'any',
        context: { actor: { id: 'seed', role: 'coordination' }, commandId: id, correlationId: id, causationId: id },
      });
    }
  }
  await store.close();
}

/**
 * Namur and Liège are titled since January 2024; Namur attended a webinar three months ago, Liège never did;
 * Daverdisse is a young candidate.
 */
function campaign(now: Date): Record<string, Entry[]> {
  const today = brusselsDay(now);
  const webinarStart = `${addDays(today, -90)}T11:30:00.000Z`;
  const webinar = (type: string, data: object, at: string) => ({ at, event: { type, data } }) as unknown as Entry;
  return {
    [`commune-${NAMUR}`]: titledHistory(NAMUR, 'p-namur', '2024-01-08', '2027-01-07', today),
    [`commune-${LIEGE}`]: titledHistory(LIEGE, 'p-liege', '2024-01-08', '2027-01-07', today),
    [`commune-${DAVERDISSE}`]: [
      on(addDays(today, -20), 'CandidacyOpened', {
        nis: DAVERDISSE,
        candidacy: 1,
        openedAt: `${addDays(today, -20)}T10:00:00.000Z`,
      }),
    ],
    'webinar-past': [
      webinar(
        'WebinarScheduled',
        {
          webinarId: 'past',
          theme: 'Préparer le Fair-ô-mètre',
          startsAt: webinarStart,
          endsAt: webinarStart,
          organiserId: 'c',
          scheduledAt: webinarStart,
        },
        addDays(today, -120),
      ),
      webinar(
        'WebinarAttendanceRecorded',
        {
          webinarId: 'past',
          nis: NAMUR,
          personIds: ['p-namur'],
          webinarStartsAt: webinarStart,
          recordedAt: webinarStart,
        },
        addDays(today, -89),
      ),
    ],
  };
}

async function startWorker(
  config: AppConfig,
  options: JobsModuleOptions,
  clock: ManualClock,
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options, clock), {
    logger: false,
  });
  app.enableShutdownHooks();
  return app.init();
}

describe('Worker app (in-process executor)', () => {
  let app: INestApplicationContext;
  let runtime: JobsRuntime;
  const now = new Date();
  const next = nextOccurrences(now, 1, undefined, THEMES)[0]!;

  beforeAll(async () => {
    const dataDir = tempDataDir('worker-app-');
    await seed(dataDir, campaign(now));
    app = await startWorker(
      configFor(dataDir, { mailer: false }),
      { themes: THEMES, resyncEveryMs: 0 },
      new ManualClock(now),
    );
    runtime = app.get(JobsRuntime);
  });
  afterAll(async () => {
    await app?.close();
  });
  const store = () => app.get<EventStore>(EVENT_STORE);

  it('schedules the next monthly webinar at start-up, with its theme, and invites candidates and titled communes', async () => {
    const { state, revision } = await readWebinar(store(), next.webinarId);
    expect(state).toMatchObject({
      status: 'scheduled',
      theme: 'Le label Prix Juste Producteur',
      startsAt: next.startsAt,
      organiserId: 'webinar-programme',
      invited: [LIEGE, DAVERDISSE, NAMUR].sort(),
    });
    // A second run (a restart, a redelivered job) records nothing: the command ids are fixed for the month.
    expect(await runtime.programme.runOnce()).toEqual({ webinarId: next.webinarId, scheduled: false, invited: [] });
    expect((await readWebinar(store(), next.webinarId)).revision).toBe(revision);
  });

  it('plans the next programme run at the webinar start and the momentum check the next morning', async () => {
    const planned = await runtime.executor.planned();
    expect(planned).toEqual(
      expect.arrayContaining([
        { name: 'webinar-programme', nextRunAt: next.startsAt },
        { name: 'momentum-check', nextRunAt: expect.stringMatching(/T0[56]:00:00.000Z$/) },
      ]),
    );
  });

  it('raises no_webinar_attendance once for a titled commune without attendance for 12 months', async () => {
    const report = await runtime.momentum.runOnce();
    expect(report.alerted).toEqual([LIEGE]);
    expect(await runtime.projector.waitFor(await store().headPosition())).toBe(true); // the directory sees the alert
    expect((await runtime.momentum.runOnce()).alerted).toEqual([]);
    const alerts = (await readCommuneHistory(store(), LIEGE)).events.filter((e) => e.type === 'MomentumAlertRaised');
    expect(alerts.map((e) => e.data)).toEqual([
      expect.objectContaining({ alertId: noWebinarAlertId(LIEGE, now), reasons: ['no_webinar_attendance'] }),
    ]);
    expect((await readCommuneHistory(store(), NAMUR)).events.some((e) => e.type === 'MomentumAlertRaised')).toBe(false);
  });
});

const redis = requireRedisOrSkip('Worker app on BullMQ');

redis.describe('Worker app on BullMQ (real Redis)', () => {
  jest.setTimeout(60_000);
  let app: INestApplicationContext;
  const now = new Date();
  const prefix = `cdce-test-${process.pid}-${randomUUID().slice(0, 8)}`;
  const anne = 'p-anne-bullmq';

  beforeAll(async () => {
    const dataDir = tempDataDir('worker-bullmq-');
    const today = brusselsDay(now);
    await seed(dataDir, {
      ...campaign(now),
      [`commune-${NAMUR}`]: titledHistory(NAMUR, anne, addDays(today, -700), titleEndWithDueNotice(now), today),
    });
    app = await startWorker(
      configFor(dataDir, { redisUrl: redis.url, mailer: false }),
      { themes: THEMES, prefix, resyncEveryMs: 0 },
      new ManualClock(now),
    );
  });
  afterAll(async () => {
    if (!app) return;
    await app.get<BullMqReminderScheduler>(REMINDER_SCHEDULER).obliterate();
    await app.get<BullMqRecurringExecutor>(RECURRING_EXECUTOR).obliterate();
    await app.close();
  });

  it('runs reminders as BullMQ jobs: the 30-day notice is recorded on the commune', async () => {
    expect(app.get(REMINDER_SCHEDULER)).toBeInstanceOf(BullMqReminderScheduler);
    const sent = await eventually(
      async () => (await readCommuneHistory(store(), NAMUR)).events.find((e) => e.type === 'ReminderSent'),
      20_000,
      'ReminderSent recorded by a BullMQ job',
    );
    expect(sent.data).toMatchObject({ kind: 'renewal_due_in_30d' });
  });

  it('upserts the programme and the momentum check as BullMQ job schedulers (Europe/Brussels)', async () => {
    const executor = app.get<BullMqRecurringExecutor>(RECURRING_EXECUTOR);
    expect(executor.kind).toBe('bullmq');
    const schedulers = await executor.queue.getJobSchedulers(0, -1, true);
    expect(schedulers.map((s) => [s.key, s.pattern, s.tz]).sort()).toEqual([
      ['momentum-check', '0 7 * * *', 'Europe/Brussels'],
      ['webinar-programme', '30 12 * * 2#2', 'Europe/Brussels'],
    ]);
    const planned = await executor.planned();
    expect(planned.find((p) => p.name === 'webinar-programme')?.nextRunAt).toBe(next(now));
    const { state } = await readWebinar(store(), nextOccurrences(now, 1)[0]!.webinarId);
    expect(state.status).toBe('scheduled');
  });

  it('shows both queues to the dashboard, with the reminder job completed', async () => {
    const inspector = new QueueInspector(redis.url, prefix);
    try {
      const queues = await inspector.list();
      expect(queues.map((q) => q.name)).toEqual(['reminders', 'jobs']);
      expect(queues[0]!.counts.completed).toBeGreaterThanOrEqual(1);
      expect(queues[0]!.failed).toEqual([]);
      await expect(inspector.retry('reminders', 'no-such-job')).rejects.toMatchObject({ code: 'QUEUE_JOB_NOT_FOUND' });
    } finally {
      await inspector.close();
    }
  });

  const next = (after: Date) => nextOccurrences(after, 1)[0]!.startsAt;
  const store = () => app.get<EventStore>(EVENT_STORE);
});
