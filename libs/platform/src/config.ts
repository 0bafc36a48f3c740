import * as path from 'node:path';

export type EventStoreConfig =
  { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'kurrentdb'; readonly url: string };

/** Everything cdce reads from its environment, checked once at start-up. */
export interface AppConfig {
  /** Folder for the embedded stores, the outbox and the read models (default `var/`). */
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly eventStore: EventStoreConfig;
  readonly redisUrl?: string;
  readonly smtpUrl?: string;
  /** Load the demo history on first start (`CDCE_DEMO=1` or `npm start -- --demo`). */
  readonly demo: boolean;
  /**
   * `embedded` (default): the API process also runs the worker (timers, jobs, mailer), so `npm start` is the whole
   * product. `off`: the API only serves HTTP; workers run apart (`npm run start:worker`). `CDCE_WORKER`.
   */
  readonly worker?: WorkerMode;
  /**
   * Whether this process delivers the mail outbox (`CDCE_MAILER=on|off`, default on). Each worker keeps its outbox in
   * its own data folder: when several workers do not share one folder, turn it on in exactly one of them, or every
   * mail goes out once per worker.
   */
  readonly mailer?: boolean;
}

export type WorkerMode = 'embedded' | 'off';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the configuration; a wrong value stops the start with a message saying which variable to fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): AppConfig {
  const dataDir = path.resolve(env.CDCE_DATA_DIR ?? 'var');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT=${env.PORT} is not a TCP port: use a whole number from 0 to 65535.`);
  }
  return {
    dataDir,
    host: env.HOST ?? '127.0.0.1',
    port,
    eventStore: eventStoreConfig(env, dataDir),
    ...(env.REDIS_URL ? { redisUrl: checkedUrl('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']) } : {}),
    ...(env.SMTP_URL ? { smtpUrl: checkedUrl('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']) } : {}),
    demo: env.CDCE_DEMO === '1' || env.CDCE_DEMO === 'true' || argv.includes('--demo'),
    worker: workerMode(env.CDCE_WORKER),
    mailer: onOff('CDCE_MAILER', env.CDCE_MAILER, true),
  };
}

function workerMode(value: string | undefined): WorkerMode {
  const mode = value?.trim() || 'embedded';
  if (mode === 'embedded' || mode === 'off') return mode;
  throw new ConfigError(
    `CDCE_WORKER=${value} is not known: use "embedded" (the API runs the worker, the default) or "off" (run npm run start:worker apart).`,
  );
}

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  const given = value?.trim().toLowerCase();
  if (!given) return fallback;
  if (['on', '1', 'true', 'yes'].includes(given)) return true;
  if (['off', '0', 'false', 'no'].includes(given)) return false;
  throw new ConfigError(`${name}=${value} is not a switch: use "on" or "off".`);
}

function eventStoreConfig(env: NodeJS.ProcessEnv, dataDir: string): EventStoreConfig {
  const kind = env.EVENT_STORE ?? 'sqlite';
  if (kind === 'sqlite')
    return { kind, path: path.resolve(env.EVENT_STORE_PATH ?? path.join(dataDir, 'events.sqlite')) };
  if (kind === 'kurrentdb') {
    if (!env.KURRENTDB_URL) {
      throw new ConfigError('EVENT_STORE=kurrentdb needs KURRENTDB_URL (e.g. kurrentdb://localhost:2113?tls=false).');
    }
    return { kind, url: env.KURRENTDB_URL };
  }
  throw new ConfigError(`EVENT_STORE=${kind} is not known: use "sqlite" (the default) or "kurrentdb".`);
}

function checkedUrl(name: string, value: string, protocols: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name}=${value} is not a URL: expected e.g. ${protocols[0]}//host:port`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}//, not ${url.protocol}//.`);
  }
  return value;
}
