import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { brusselsDate } from '@cdce/communes';
import { runDemo } from '@cdce/demo';
import { type AppConfig, ConfigError, loadConfig } from '@cdce/platform';
import { createApp } from './create-app';
import { announceStart } from './start/announce-start';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.demo) await loadDemoOnFirstStart(config);
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  await announceStart(app, config);
}

/**
 * `--demo`: fills an empty event store with the demo history before the API serves anything. Written with
 * console.log: the demo's application context runs without a Nest logger, which silences the static Logger meanwhile.
 */
async function loadDemoOnFirstStart(config: AppConfig): Promise<void> {
  const outcome = await runDemo(config, { until: brusselsDate(new Date().toISOString()) });
  if (!outcome.loaded) {
    console.log(
      `  Démo : le journal contient déjà l’historique de communes (${outcome.existingEvents} événements), elle n’est pas rechargée.`,
    );
    return;
  }
  const { report } = outcome;
  console.log(`  Démo chargée jusqu’au ${report.until} : ${report.events} événements, ${report.streams} communes.`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`cdce cannot start: ${error.message}`);
  } else {
    new Logger('cdce').error(error instanceof Error ? error.stack : String(error));
  }
  process.exit(1);
});
