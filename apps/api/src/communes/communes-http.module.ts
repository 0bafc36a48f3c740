import { Module } from '@nestjs/common';
import { CommunesModule } from '@cdce/communes';
import { APP_CONFIG, type AppConfig } from '@cdce/platform';
import { IdempotencyStore } from '../http/idempotency.store';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CommuneCommandRunner } from './commune-command.runner';
import { CommuneQueries } from './commune-queries';
import { COMMUNE_CONTROLLERS } from './controllers';

@Module({
  imports: [CommunesModule, ReadModelsModule],
  providers: [
    { provide: IdempotencyStore, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new IdempotencyStore(config.dataDir) },
    CommuneCommandRunner,
    CommuneQueries,
  ],
  controllers: COMMUNE_CONTROLLERS,
})
export class CommunesHttpModule {}
