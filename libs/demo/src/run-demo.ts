import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMUNE_STREAM_PREFIX, CommunesModule, MUNICIPALITIES } from '@cdce/communes';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { SqlitePeopleDirectory } from '@cdce/people';
import { type AppConfig, ManualClock, PlatformModule } from '@cdce/platform';
import type { MunicipalityRegistry } from '@cdce/reference';
import { buildDemoHistory, type DemoHistoryReport } from './build-demo-history';

/** The people directory file beside the other stores. */
export const PEOPLE_FILE = 'people.sqlite';

export interface RunDemoOptions {
  readonly until: string;
  readonly seed?: number;
  readonly logger?: LoggerService | false;
  readonly onProgress?: (done: number, total: number) => void;
}

export type RunDemoOutcome =
  | { readonly loaded: true; readonly report: DemoHistoryReport }
  | { readonly loaded: false; readonly existingEvents: bigint };

/**
 * Loads the demo history into the configured stores, in an application context of its own whose clock is the
 * demo's manual clock (no HTTP). Does nothing when the event log already holds events.
 */
export async function runDemo(config: AppConfig, options: RunDemoOptions): Promise<RunDemoOutcome> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const clock = new ManualClock(new Date('2015-01-01T00:00:00Z'));
  const context = await NestFactory.createApplicationContext(
    {
      module: class DemoModule {},
      imports: [PlatformModule.forRoot(config, { clock }), CqrsModule.forRoot(), CommunesModule],
    },
    { logger: options.logger ?? false, abortOnError: false },
  );
  const people = SqlitePeopleDirectory.open(path.join(config.dataDir, PEOPLE_FILE));
  try {
    const eventStore = context.get<EventStore>(EVENT_STORE);
    // Only commune history blocks the demo: the worker may already have scheduled a webinar on a first plain start.
    if (await hasCommuneHistory(eventStore))
      return { loaded: false, existingEvents: (await eventStore.headPosition()) + 1n };
    const report = await buildDemoHistory({
      commandBus: context.get(CommandBus),
      clock,
      registry: context.get<MunicipalityRegistry>(MUNICIPALITIES),
      until: options.until,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      people,
      eventStore,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    return { loaded: true, report };
  } finally {
    people.close();
    await context.close();
  }
}

async function hasCommuneHistory(store: EventStore): Promise<boolean> {
  for await (const _event of store.readAll({ filter: { streamPrefixes: [COMMUNE_STREAM_PREFIX] }, maxCount: 1 }))
    return true;
  return false;
}
