import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Role, TokenService } from '@cdce/auth';
import { addDays } from '@cdce/communes';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { type AppConfig, ManualClock } from '@cdce/platform';
import { brusselsDay, sendingInstant } from '@cdce/reminders';
import { createApp } from '../../apps/api/src/create-app';
import { on } from '../../libs/reminders/src/domain/testing/deadline.fixtures';
import { type ApiResponse, injectRequest, type RequestOptions } from '../support/api-harness';

type Entry = ReturnType<typeof on>;

/** A fresh data folder under CDCE_TEST_DIR. */
export function tempDataDir(prefix: string): string {
  const root = process.env.CDCE_TEST_DIR ?? os.tmpdir();
  fs.mkdirSync(root, { recursive: true });
  return fs.mkdtempSync(path.join(root, prefix));
}

export function configFor(dataDir: string, extra: Partial<AppConfig> = {}): AppConfig {
  return {
    dataDir,
    host: '127.0.0.1',
    port: 0,
    eventStore: { kind: 'sqlite', path: path.join(dataDir, 'events.sqlite') },
    demo: false,
    worker: 'embedded',
    mailer: true,
    ...extra,
  };
}

/** Runs `body` with these environment variables set, then puts the environment back. */
export async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** The API with its embedded worker, exactly as `npm start` builds it, on a temp folder and a manual clock. */
export interface EmbeddedApi {
  readonly app: NestFastifyApplication;
  readonly clock: ManualClock;
  readonly dataDir: string;
  readonly store: EventStore;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request<T = any>(method: string, url: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  token(role: Role, communes?: readonly string[]): Promise<string>;
  /** Appends a history to a commune's stream, each event recorded at its own instant (test set-up only). */
  append(nis: string, ...entries: Entry[]): Promise<void>;
  close(): Promise<void>;
}

export async function startEmbeddedApi(
  options: { now?: Date; env?: Record<string, string>; config?: Partial<AppConfig> } = {},
): Promise<EmbeddedApi> {
  const dataDir = tempDataDir('worker-api-');
  const clock = new ManualClock(options.now ?? new Date());
  const app = await withEnv(options.env ?? {}, async () => {
    const created = await createApp(configFor(dataDir, options.config), { clock, logger: false });
    await created.init();
    await created.getHttpAdapter().getInstance().ready();
    return created;
  });
  const store = app.get<EventStore>(EVENT_STORE);
  const tokens = app.get(TokenService);
  let n = 0;
  return {
    app,
    clock,
    dataDir,
    store,
    request: (method, url, options) => injectRequest(app, method, url, options),
    async token(role, communes) {
      return (await tokens.createToken({ label: `test ${role}`, role, ...(communes ? { communes } : {}) })).secret;
    },
    async append(nis, ...entries) {
      const now = clock.now();
      for (const { at, event } of entries) {
        clock.set(at);
        const id = `fixture-${nis}-${++n}`;
        await store.appendToStream(`commune-${nis}`, [{ id, type: event.type, data: event.data }], {
          expectedRevision: 'any',
          context: {
            actor: { id: 'fixture', role: 'coordination' },
            commandId: id,
            correlationId: id,
            causationId: id,
          },
        });
      }
      clock.set(now);
    },
    close: () => app.close(),
  };
}

/**
 * The last day a title can end so that its 30-day notice is already due now (09:00 Brussels on the first business
 * day on or after validUntil − 30): "ends in 30 days", or a day or two less over a weekend or a holiday, so the test
 * never waits for real time to pass.
 */
export function titleEndWithDueNotice(now: Date): string {
  let validUntil = addDays(brusselsDay(now), 30);
  while (Date.parse(sendingInstant(addDays(validUntil, -30))) > now.getTime()) validUntil = addDays(validUntil, -1);
  return validUntil;
}

/** A commune with a COPIL member (`personId`), titled from `validFrom` to `validUntil`, whose COPIL met recently. */
export function titledHistory(
  nis: string,
  personId: string,
  validFrom: string,
  validUntil: string,
  today: string,
): Entry[] {
  const at = (date: string) => `${date}T10:00:00.000Z`;
  return [
    on(addDays(validFrom, -200), 'CandidacyOpened', { nis, candidacy: 1, openedAt: at(addDays(validFrom, -200)) }),
    on(addDays(validFrom, -190), 'CopilMemberJoined', {
      personId,
      role: 'contact',
      sector: 'citizen',
      joinedOn: addDays(validFrom, -190),
    }),
    on(addDays(validFrom, -30), 'DossierSubmitted', {
      dossier: 1,
      criteriaSetId: 'cdce-2022',
      population: 4000,
      checklist: [],
      unmetCriteria: [],
      acknowledgedIncomplete: false,
      submittedAt: at(addDays(validFrom, -30)),
    }),
    on(addDays(validFrom, -20), 'DossierReviewStarted', {
      dossier: 1,
      reviewerId: 'p-reviewer',
      startedAt: at(addDays(validFrom, -20)),
    }),
    on(addDays(validFrom, -10), 'DossierApproved', {
      dossier: 1,
      reviewerId: 'p-reviewer',
      approvedAt: at(addDays(validFrom, -10)),
    }),
    on(validFrom, 'TitleAwarded', { cycle: 1, validFrom, validUntil }),
    on(addDays(today, -20), 'CopilMeetingHeld', {
      meetingId: `meeting-${nis}`,
      heldOn: addDays(today, -20),
      attendeeCount: 5,
    }),
  ];
}

/** Polls `check` until it holds. */
export async function eventually<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
