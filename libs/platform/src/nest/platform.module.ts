import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { SqlitePeopleDirectory } from '@cdce/people';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Clock, CLOCK, systemClock } from '../clock';
import type { AppConfig } from '../config';
import { openEventStore } from './open-event-store';

export const APP_CONFIG = Symbol.for('cdce.AppConfig');
/** The people directory (`PeopleDirectory` from @cdce/people), one SQLite file per deployment node. */
export const PEOPLE_DIRECTORY = Symbol.for('cdce.PeopleDirectory');

@Injectable()
class StoresCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PEOPLE_DIRECTORY) private readonly people: SqlitePeopleDirectory,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.people.close();
  }
}

/** Configuration, clock, the event store and the people directory, shared by every app (api, worker, cli). */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, options: { clock?: Clock } = {}): DynamicModule {
    const clock = options.clock ?? systemClock;
    return {
      module: PlatformModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        {
          provide: EVENT_STORE,
          useFactory: () => {
            fs.mkdirSync(config.dataDir, { recursive: true });
            return openEventStore(config.eventStore, clock);
          },
        },
        {
          provide: PEOPLE_DIRECTORY,
          inject: [EVENT_STORE],
          useFactory: () => SqlitePeopleDirectory.open(path.join(config.dataDir, 'people.sqlite'), { clock: () => clock.now() }),
        },
        StoresCloser,
      ],
      exports: [APP_CONFIG, CLOCK, EVENT_STORE, PEOPLE_DIRECTORY],
    };
  }
}
