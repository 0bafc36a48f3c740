import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Role, TokenService } from '@cdce/auth';
import { type AppConfig, ManualClock } from '@cdce/platform';
import { createApp } from '../../apps/api/src/create-app';

/** A response as the tests read it: status, headers and the parsed JSON body (problem+json included). */
// Bodies are JSON the tests read field by field; typing each response would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiResponse<T = any> {
  readonly status: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: T;
}

export interface RequestOptions {
  /** Bearer secret; omit to send no Authorization header. */
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** The real API (SQLite files in a fresh folder), driven in-process through Fastify's `inject`. */
export interface ApiHarness {
  readonly app: NestFastifyApplication;
  readonly clock: ManualClock;
  readonly dataDir: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  request<T = any>(method: string, url: string, options?: RequestOptions): Promise<ApiResponse<T>>;
  /** Creates a token through the app's own TokenService and returns its secret and id. */
  token(role: Role, communes?: readonly string[]): Promise<{ secret: string; tokenId: string }>;
  close(): Promise<void>;
}

/** Default start of the manual clock: a Monday morning in Brussels, after the 2024 local elections. */
export const HARNESS_START = '2026-03-02T09:00:00.000Z';

/**
 * Starts the application exactly as `main.ts` does (createApp), on a data folder under `CDCE_TEST_DIR`, with a
 * manual clock the test moves by hand (or on `dataDir`, to start on files an earlier version left). Share one harness
 * per `describe`: booting costs a few hundred milliseconds.
 */
export async function startApi(options: { now?: string; dataDir?: string } = {}): Promise<ApiHarness> {
  const root = process.env.CDCE_TEST_DIR ?? os.tmpdir();
  fs.mkdirSync(root, { recursive: true });
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(root, 'api-'));
  const config: AppConfig = {
    dataDir,
    host: '127.0.0.1',
    port: 0,
    eventStore: { kind: 'sqlite', path: path.join(dataDir, 'events.sqlite') },
    demo: false,
  };
  const clock = new ManualClock(new Date(options.now ?? HARNESS_START));
  const app = await createApp(config, { clock, logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = app.get(TokenService);

  return {
    app,
    clock,
    dataDir,
    request: (method, url, options) => injectRequest(app, method, url, options),
    async token(role, communes) {
      const created = await tokens.createToken({
        label: `test ${role}`,
        role,
        ...(communes ? { communes } : {}),
      });
      return { secret: created.secret, tokenId: created.token.tokenId };
    },
    async close() {
      await app.close();
    },
  };
}

/**
 * One request through Fastify's `inject` (no socket), as the tests read it: status, headers, and the body parsed
 * when it is JSON (problem+json included), as text otherwise.
 */
export async function injectRequest(
  app: NestFastifyApplication,
  method: string,
  url: string,
  { token, body, headers = {} }: RequestOptions = {},
): Promise<ApiResponse> {
  const response = await app.inject({
    method: method as 'GET',
    url,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
  const text = response.body;
  const json = String(response.headers['content-type'] ?? '').includes('json');
  return {
    status: response.statusCode,
    headers: response.headers,
    body: json && text ? JSON.parse(text) : text || undefined,
  };
}
