import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import * as path from 'node:path';
import { SqliteTokenStore, TokenService } from '@cdce/auth';
import { APP_CONFIG, type AppConfig, CLOCK, type Clock } from '@cdce/platform';
import { AuthGuard } from './auth.guard';

/** Tokens live in their own SQLite file beside the events (`auth.sqlite`), hashed. */
@Module({
  providers: [
    {
      provide: TokenService,
      inject: [APP_CONFIG, CLOCK],
      useFactory: (config: AppConfig, clock: Clock) =>
        new TokenService(SqliteTokenStore.open(path.join(config.dataDir, 'auth.sqlite')), { clock: () => clock.now() }),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class AuthModule {}
