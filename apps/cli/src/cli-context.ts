import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import * as fs from 'node:fs';
import { CommunesModule, communeDirectoryProjection, MUNICIPALITIES } from '@cdce/communes';
import { DASHBOARD_PROJECTIONS } from '@cdce/dashboards';
import { EVENT_STORE, type EventStore } from '@cdce/eventsourcing';
import { type AppConfig, ConfigError, loadConfig, PlatformModule } from '@cdce/platform';
import type { Projection } from '@cdce/projections';
import type { MunicipalityRegistry } from '@cdce/reference';
import { CliError, type CliIo } from './cli-io';

/**
 * The read models this node keeps. Must list the same projections as the API's `PROJECTIONS`
 * (apps/api/src/read-models/read-models.module.ts); test/cli checks that they agree.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each projection has its own document type
export const CLI_PROJECTIONS: readonly Projection<any>[] = [communeDirectoryProjection, ...DASHBOARD_PROJECTIONS];

export function configOf(io: CliIo): AppConfig {
  try {
    return loadConfig(io.env, []);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`Configuration invalide : ${error.message}`);
    throw error;
  }
}

export interface CliContext {
  readonly config: AppConfig;
  readonly store: EventStore;
  readonly registry: MunicipalityRegistry;
  readonly app: INestApplicationContext;
}

/** Runs `work` in an application context (platform, command bus, communes; no HTTP), closed afterwards. */
export async function withContext<T>(io: CliIo, work: (context: CliContext) => Promise<T>): Promise<T> {
  const config = configOf(io);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const app = await NestFactory.createApplicationContext(
    {
      module: class CliModule {},
      imports: [PlatformModule.forRoot(config, { clock: { now: io.now } }), CqrsModule.forRoot(), CommunesModule],
    },
    { logger: false, abortOnError: false },
  );
  try {
    return await work({
      config,
      app,
      store: app.get<EventStore>(EVENT_STORE),
      registry: app.get<MunicipalityRegistry>(MUNICIPALITIES),
    });
  } finally {
    await app.close();
  }
}
