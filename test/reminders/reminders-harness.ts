import { Test } from '@nestjs/testing';
import { CqrsModule } from '@nestjs/cqrs';
import type { INestApplicationContext } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CommunesModule, readCommuneHistory } from '@cdce/communes';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { loadConfig, ManualClock, PlatformModule } from '@cdce/platform';
import {
  type Reminder,
  ReminderJobHandler,
  RemindersModule,
  type RemindersModuleOptions,
  ReminderRunner,
  remindersOwed,
  subjectOf,
} from '@cdce/reminders';
import type { on } from '../../libs/reminders/src/domain/testing/deadline.fixtures';

type Entry = ReturnType<typeof on>;

/** The reminders module wired as the worker will wire it, on a fresh SQLite folder, with a manual clock. */
export interface RemindersHarness {
  readonly app: INestApplicationContext;
  readonly store: EventStore;
  readonly clock: ManualClock;
  readonly dataDir: string;
  readonly handler: ReminderJobHandler;
  readonly runner: ReminderRunner;
  /** Appends a history to a commune's stream, each event recorded at its own instant. */
  append(nis: string, ...entries: Entry[]): Promise<void>;
  /** What the policy says the commune owes now (from its stream). */
  owed(nis: string): Promise<Reminder[]>;
  /** The ReminderSent events of a commune, by reminder id. */
  sent(nis: string, reminderId?: string): Promise<Array<{ reminderId: string; kind: string; dueOn: string }>>;
  types(nis: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startReminders(
  options: RemindersModuleOptions & { now?: string; dataDir?: string } = {},
): Promise<RemindersHarness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'reminders-'));
  const clock = new ManualClock(new Date(options.now ?? '2025-06-20T12:00:00.000Z'));
  const module = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(loadConfig({ CDCE_DATA_DIR: dataDir }, []), { clock }),
      CqrsModule.forRoot(),
      CommunesModule,
      RemindersModule.forRoot({ dataDir, ...options }),
    ],
  }).compile();
  const app = await module.init();
  const store = app.get<EventStore>(EVENT_STORE);
  let n = 0;
  const harness: RemindersHarness = {
    app,
    store,
    clock,
    dataDir,
    handler: app.get(ReminderJobHandler),
    runner: app.get(ReminderRunner),
    async append(nis, ...entries) {
      const now = clock.now();
      for (const { at, event } of entries) {
        clock.set(at);
        await store.appendToStream(
          `commune-${nis}`,
          [{ id: `fixture-${nis}-${++n}-${Date.now()}`, type: event.type, data: event.data }],
          {
            expectedRevision: 'any',
            context: {
              actor: { id: 'fixture', role: 'coordination' },
              commandId: `fixture-${nis}-${n}-${Date.now()}`,
              correlationId: 'f',
              causationId: 'f',
            },
          },
        );
      }
      clock.set(now);
    },
    async owed(nis) {
      return remindersOwed(subjectOf(nis, (await readCommuneHistory(store, nis)).events));
    },
    async sent(nis, reminderId) {
      const { events } = await readCommuneHistory(store, nis);
      return events
        .filter((e) => e.type === 'ReminderSent')
        .map((e) => e.data as { reminderId: string; kind: string; dueOn: string })
        .filter((d) => reminderId === undefined || d.reminderId === reminderId);
    },
    async types(nis) {
      return (await readCommuneHistory(store, nis)).events.map((e) => e.type);
    },
    close: () => app.close(),
  };
  return harness;
}
