import { type DynamicModule, Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { type Clock, CLOCK, systemClock } from '../clock';
import type { AppConfig } from '../config';
import { openEventStore } from './open-event-store';

export const APP_CONFIG = Symbol.for('cdce.AppConfig');

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Configuration, clock and the event store, shared by every app (api, worker, cli). */
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
        { provide: EVENT_STORE, useFactory: () => openEventStore(config.eventStore, clock) },
        EventStoreCloser,
      ],
      exports: [APP_CONFIG, CLOCK, EVENT_STORE],
    };
  }
}
