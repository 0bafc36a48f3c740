import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import * as path from 'node:path';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@cdce/platform';
import { Projector, SqliteReadModelStore } from '@cdce/projections';
import { WebinarCalendar, webinarCalendarProjection } from '@cdce/webinars';

/**
 * This node's webinar calendar: its own projector over `webinar-` streams in `<dataDir>/webinar-read-models.sqlite`
 * (the API's other read models are untouched), with read-your-writes for the webinar endpoints.
 */
@Injectable()
export class WebinarCalendarReadModel implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly readModels: SqliteReadModelStore;
  readonly projector: Projector;
  readonly calendar: WebinarCalendar;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(CLOCK) clock: Clock,
  ) {
    this.readModels = SqliteReadModelStore.open(path.join(config.dataDir, 'webinar-read-models.sqlite'));
    this.projector = new Projector(store, this.readModels, [webinarCalendarProjection], { clock: () => clock.now() });
    this.calendar = new WebinarCalendar(this.readModels);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.catchUp();
    this.projector.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  onApplicationShutdown(): void {
    this.readModels.close();
  }

  waitFor(position: bigint): Promise<boolean> {
    return position < 0n ? Promise.resolve(true) : this.projector.waitFor(position, 3000);
  }
}
