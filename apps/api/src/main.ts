import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@cdce/platform';
import { createApp } from './create-app';
import { announceStart } from './start/announce-start';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  await announceStart(app, config);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`cdce cannot start: ${error.message}`);
  } else {
    new Logger('cdce').error(error instanceof Error ? error.stack : String(error));
  }
  process.exit(1);
});
