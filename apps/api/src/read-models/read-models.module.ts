import { Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import * as path from 'node:path';
import { communeDirectoryProjection } from '@cdce/communes';
import { RETIRED_PROJECTIONS, titleEventsProjection } from '@cdce/dashboards';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@cdce/platform';
import { Projector, SqliteReadModelStore } from '@cdce/projections';
import { ReadYourWrites } from './read-your-writes';

/** Every projection this node keeps. */
export const PROJECTIONS = [communeDirectoryProjection, titleEventsProjection];

/** Runs this node's projector for as long as the application lives. */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly projector: Projector,
    private readonly readModels: SqliteReadModelStore,
  ) {}
  async onApplicationBootstrap(): Promise<void> {
    const owner = this.readModels.liveOwner();
    if (owner) {
      // Two processes projecting into one file would each apply the log on top of the other's documents.
      throw new Error(
        `Process ${owner.pid} (${owner.owner}, since ${owner.since}) is writing the read models ` +
          `${this.readModels.db.name}: wait until it is done (or stop it), then start the API again.`,
      );
    }
    this.readModels.claim('api');
    await this.projector.catchUp();
    this.projector.start();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    this.readModels.release();
    this.readModels.close();
  }
}

@Module({
  providers: [
    {
      provide: SqliteReadModelStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const readModels = SqliteReadModelStore.open(path.join(config.dataDir, 'read-models.sqlite'), {
          checkpointInBackground: true,
        });
        const dropped = readModels.retire(RETIRED_PROJECTIONS);
        if (dropped.length > 0)
          new Logger('ReadModels').log(`Dropped the read models no longer kept: ${dropped.join(', ')}.`);
        return readModels;
      },
    },
    {
      provide: Projector,
      inject: [EVENT_STORE, SqliteReadModelStore, CLOCK],
      useFactory: (store: EventStore, readModels: SqliteReadModelStore, clock: Clock) =>
        new Projector(store, readModels, PROJECTIONS, {
          clock: () => clock.now(),
          onWarning: (message) => new Logger('Projector').warn(message),
        }),
    },
    ProjectorLifecycle,
    ReadYourWrites,
  ],
  exports: [SqliteReadModelStore, Projector, ReadYourWrites],
})
export class ReadModelsModule {}
