import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type JobsOptions, jobsOptionsFromEnv } from '@cdce/jobs';
import { mailConfigFrom } from '@cdce/mail';
import { type AppConfig, ConfigError, loadConfig } from '@cdce/platform';
import { WorkerModule } from './worker.module';

/**
 * `npm run start:worker`: the timers and jobs without the API (production runs the API with CDCE_WORKER=off and
 * any number of these beside it, on Redis). The runtime logs what it runs: executor kind, SMTP or .eml outbox.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, checkedJobsOptions(config)), {
    logger: new Logger(),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.init();
  new Logger('Worker').log(
    `cdce worker running (data: ${config.dataDir}, events: ${config.eventStore.kind}, ` +
      `${config.redisUrl ? 'BullMQ on Redis' : 'in-process executor'}, mailer ${config.mailer === false ? 'off' : 'on'})`,
  );
}

/**
 * The webinar and mail settings, checked before anything opens: a mistyped CDCE_WEBINAR_RULE or
 * CDCE_COORDINATION_EMAIL stops the start with its own message, not after the projections caught up, nor as a stack.
 */
function checkedJobsOptions(config: AppConfig): JobsOptions {
  try {
    const options = jobsOptionsFromEnv();
    if (config.mailer !== false) mailConfigFrom(config);
    return options;
  } catch (error) {
    if (error instanceof RangeError) throw new ConfigError(error.message);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`cdce worker cannot start: ${error.message}`);
  } else {
    new Logger('cdce-worker').error(error instanceof Error ? error.stack : String(error));
  }
  process.exit(1);
});
