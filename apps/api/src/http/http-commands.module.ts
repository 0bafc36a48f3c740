import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cdce/platform';
import { ReadModelsModule } from '../read-models/read-models.module';
import { CommandHttpRunner } from './command-http.runner';
import { IdempotencyStore } from './idempotency.store';

@Injectable()
class IdempotencyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}
  onApplicationShutdown(): void {
    this.store.close();
  }
}

/** The machinery every command endpoint shares (idempotency keys, If-Match, read-your-writes). */
@Module({
  imports: [ReadModelsModule],
  providers: [
    {
      provide: IdempotencyStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new IdempotencyStore(config.dataDir),
    },
    IdempotencyStoreCloser,
    CommandHttpRunner,
  ],
  exports: [CommandHttpRunner],
})
export class HttpCommandsModule {}
