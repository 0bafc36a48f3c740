import { execFileSync } from 'node:child_process';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export interface RedisForTests {
  /** REDIS_URL, or the local default. */
  readonly url: string;
  readonly available: boolean;
  /** `describe` when Redis answers, `describe.skip` otherwise. */
  readonly describe: jest.Describe;
}

/**
 * For suites that need a real Redis. When REDIS_URL (default redis://127.0.0.1:6379) does not answer PING, the suite
 * is skipped with a loud warning — except under CI=true, where a missing Redis is a broken CI and fails the run.
 *
 *   const redis = requireRedisOrSkip('BullMQ reminder scheduler');
 *   redis.describe('BullMqReminderScheduler', () => { … new Queue(…, { connection: redis.url }) … });
 */
export function requireRedisOrSkip(suite: string, env: NodeJS.ProcessEnv = process.env): RedisForTests {
  const url = env.REDIS_URL || DEFAULT_REDIS_URL;
  const available = pings(url);
  if (!available) {
    const message =
      `${suite}: no Redis answers at REDIS_URL=${url}. ` +
      'Start one (redis-server --port 6379 --save "") or set REDIS_URL to run these tests.';
    if (env.CI === 'true') throw new Error(`${message} Under CI=true a missing Redis fails the run.`);
    console.warn(`\n⚠️  SKIPPED — ${message}\n`);
  }
  return { url, available, describe: available ? describe : describe.skip };
}

/** True when a Redis at `url` answers PING within a second. Synchronous so that it can decide at collection time. */
export function pings(url: string, timeoutMs = 1000): boolean {
  const { hostname, port, password, username } = new URL(url);
  const auth = password
    ? `AUTH ${username ? `${decodeURIComponent(username)} ` : ''}${decodeURIComponent(password)}\r\n`
    : '';
  const script = `
    const socket = require('node:net').connect(${Number(port || 6379)}, ${JSON.stringify(hostname || '127.0.0.1')});
    let reply = '';
    socket.setTimeout(${timeoutMs}, () => process.exit(1));
    socket.on('error', () => process.exit(1));
    socket.on('connect', () => socket.write(${JSON.stringify(`${auth}PING\r\n`)}));
    socket.on('data', (chunk) => { reply += chunk; if (reply.includes('+PONG')) process.exit(0); if (reply.startsWith('-')) process.exit(1); });`;
  try {
    execFileSync(process.execPath, ['-e', script], { stdio: 'ignore', timeout: timeoutMs + 2000 });
    return true;
  } catch {
    return false;
  }
}
