/**
 * Commands over HTTP, measured with autocannon against the real API (a separate process on the embedded SQLite
 * default), and rehydration of a 1,000-event commune stream. Writes bench/results/api.json.
 *
 *   npm run bench:api            (DURATION=10 CONNECTIONS=16 RATE=1500 to change the load)
 */
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { readCommune } from '@cdce/communes';
import { type CommandContext, SqliteEventStore } from '@cdce/eventsourcing';
import { loadMunicipalityRegistry } from '@cdce/reference';
import { openLoop } from './support/open-loop';
import { machine, nowMs, percentile, printTable, round, scratchDir, writeResults } from './support/bench-kit';

const DURATION = Number(process.env.DURATION ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 16);
const WARM_UP_SECONDS = 3;
/** Commands per second the issue asks the API to sustain with p99 ≤ 20 ms. */
const TARGET_RATE = Number(process.env.RATE ?? 1500);
/** Keep-alive connections the target rate may use at most (a browser-like pool per client would be far smaller). */
const RATE_CONNECTIONS = 64;
const PORT = Number(process.env.BENCH_PORT ?? 3917);

async function startServer(
  dataDir: string,
  worker: 'embedded' | 'off',
): Promise<{ child: ChildProcess; token: string }> {
  const child = spawn(process.execPath, [path.resolve('dist/apps/api/src/main.js')], {
    env: { ...process.env, CDCE_DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', CDCE_WORKER: worker },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const token = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(cdce_[A-Za-z0-9_-]{43})/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`API exited with ${code}:\n${output}`)));
  });
  return { child, token };
}

async function post(url: string, token: string, body: object): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
}

/** The benchmark's command: a council resolution for the communes in turn (each with its own id). */
function councilResolution(nis: string) {
  return {
    path: `/api/communes/${nis}/council-resolutions`,
    body: JSON.stringify({ resolutionId: randomUUID(), votedOn: '2024-12-16', fairTradeProducts: ['café', 'thé'] }),
  };
}

/** Starts an API on a fresh data folder (`off`: the API alone; `embedded`: with its worker) with 280 candidacies. */
async function apiWithCandidacies(worker: 'embedded' | 'off') {
  const { child, token } = await startServer(scratchDir('api'), worker);
  const base = `http://127.0.0.1:${PORT}`;
  const communes = loadMunicipalityRegistry()
    .campaignMembers()
    .map((m) => m.nis);
  for (const nis of communes) await post(`${base}/api/communes/${nis}/candidacy`, token, {});
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  };
  return { base, communes, headers, stop };
}

/**
 * As fast as the API answers, CONNECTIONS requests in flight (each connection sends again once answered): the
 * ceiling. `off`: the API alone, as in production (workers apart); `embedded`: what `npm start` runs.
 */
async function commandsAtCeiling(worker: 'embedded' | 'off') {
  const api = await apiWithCandidacies(worker);
  let i = 0;
  const load = (duration: number) =>
    autocannon({
      url: api.base,
      connections: CONNECTIONS,
      duration,
      headers: api.headers,
      requests: [
        {
          method: 'POST',
          setupRequest: (request) => ({ ...request, ...councilResolution(api.communes[i++ % api.communes.length]!) }),
        },
      ],
    });
  // A long-running API has its hot paths compiled: the measured run starts after a short load that is not counted.
  await load(WARM_UP_SECONDS);
  const result = await load(DURATION);
  await api.stop();
  return {
    connections: CONNECTIONS,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/** TARGET_RATE commands offered every second, evenly spaced whatever the answers (see openLoop), to the API alone. */
async function commandsAtTargetRate() {
  const api = await apiWithCandidacies('off');
  const load = (durationSeconds: number) =>
    openLoop({
      origin: api.base,
      rate: TARGET_RATE,
      durationSeconds,
      maxConnections: RATE_CONNECTIONS,
      request: (k) => ({
        method: 'POST',
        headers: api.headers,
        ...councilResolution(api.communes[k % api.communes.length]!),
      }),
    });
  await load(WARM_UP_SECONDS);
  const result = await load(DURATION);
  await api.stop();
  return { connections: RATE_CONNECTIONS, ...result };
}

/**
 * The HTTP stack's own limit, measured in the same run on a fresh API: `GET /health` (routing and serialisation
 * only) and the benchmark's command refused at validation (token check, body parsing, DTO validation and a
 * problem+json answer, but no decision, append or projection). What a command costs beyond them is the engine's.
 */
async function httpFloors(connections = CONNECTIONS) {
  const dataDir = scratchDir('api-floor');
  const { child, token } = await startServer(dataDir, 'off');
  const base = `http://127.0.0.1:${PORT}`;
  const load = async (options: Partial<autocannon.Options>, expectedStatus: number) => {
    const result = await autocannon({ url: base, connections, duration: Math.max(5, DURATION / 2), ...options });
    const answered = result.statusCodeStats?.[`${expectedStatus}`]?.count;
    if (answered !== result.requests.total)
      throw new Error(`expected only ${expectedStatus} answers: ${JSON.stringify(result.statusCodeStats)}`);
    return { requestsPerSecond: round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99 };
  };
  const healthCheck = { url: `${base}/health` };
  const refusedCommand = {
    method: 'POST' as const,
    url: `${base}/api/communes/92094/council-resolutions`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ resolutionId: 'not-a-uuid', votedOn: '2024-12-16', fairTradeProducts: ['café', 'thé'] }),
  };
  // Warmed up like the commands, and not counted.
  await load({ ...healthCheck, duration: WARM_UP_SECONDS }, 200);
  await load({ ...refusedCommand, duration: WARM_UP_SECONDS }, 400);
  const health = await load(healthCheck, 200);
  const refused = await load(refusedCommand, 400);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return { health, commandRefusedAtValidation: refused };
}

async function rehydration() {
  const dir = scratchDir('rehydrate');
  const store = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
  const context = (n: number): CommandContext => ({
    actor: { id: 'bench', role: 'copil' },
    commandId: `c${n}`,
    correlationId: `c${n}`,
    causationId: `c${n}`,
  });
  await store.appendToStream(
    'commune-92094',
    [
      {
        id: randomUUID(),
        type: 'CandidacyOpened',
        data: { nis: '92094', candidacy: 1, openedAt: '2016-01-01T09:00:00.000Z' },
      },
    ],
    { expectedRevision: 'no_stream', context: context(0) },
  );
  for (let n = 1; n < 1000; n += 1) {
    await store.appendToStream(
      'commune-92094',
      [
        {
          id: randomUUID(),
          type: 'CommunicationActionRecorded',
          data: {
            actionId: randomUUID(),
            channel: 'bulletin',
            occurredOn: '2020-05-04',
            summary: `Article ${n} dans le bulletin communal sur le commerce équitable`,
          },
        },
      ],
      { expectedRevision: 'any', context: context(n) },
    );
  }
  const timings: number[] = [];
  for (let k = 0; k < 300; k++) {
    const t = nowMs();
    const { revision } = await readCommune(store, '92094');
    timings.push(nowMs() - t);
    if (revision !== 999n) throw new Error(`expected revision 999, got ${revision}`);
  }
  timings.sort((a, b) => a - b);
  await store.close();
  return { p50Ms: percentile(timings, 50), p95Ms: percentile(timings, 95) };
}

async function main() {
  console.log(`API benchmark: ${CONNECTIONS} connections for ${DURATION} s, then rehydration of 1,000 events…`);
  const floors = await httpFloors();
  // The target as stated: 1,500 commands every second, sustained, and their p99. Then as fast as the API answers:
  // its ceiling, where every request waits behind the 15 others in flight.
  const atTarget = await commandsAtTargetRate();
  const http = await commandsAtCeiling('off');
  const embedded = await commandsAtCeiling('embedded');
  const rehydrate = await rehydration();
  const results = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    settings: {
      DURATION,
      WARM_UP_SECONDS,
      CONNECTIONS,
      TARGET_RATE,
      command: 'RecordCouncilResolution over POST, 280 communes in turn',
    },
    httpFloor: { connections: CONNECTIONS, ...floors },
    commandsAtTargetRate: {
      offeredPerSecond: TARGET_RATE,
      ...atTarget,
      requestsPerSecond: round(atTarget.requestsPerSecond),
      // Every request offered was sent and answered: the connections never held the rate back.
      sustained: atTarget.answered === atTarget.offered && atTarget.requestsPerSecond >= TARGET_RATE * 0.99,
      target: { requestsPerSecond: TARGET_RATE, p99Ms: 20 },
    },
    commandsOverHttp: { ...http, requestsPerSecond: round(http.requestsPerSecond) },
    commandsOverHttpWithEmbeddedWorker: { ...embedded, requestsPerSecond: round(embedded.requestsPerSecond) },
    rehydrate1000: { p50Ms: round(rehydrate.p50Ms, 3), p95Ms: round(rehydrate.p95Ms, 3), target: { p95Ms: 5 } },
  };
  printTable([
    { measure: 'floor: GET /health per s', value: floors.health.requestsPerSecond, target: '' },
    {
      measure: 'floor: command refused at validation per s',
      value: floors.commandRefusedAtValidation.requestsPerSecond,
      target: '',
    },
    {
      measure: `commands/s answered, ${TARGET_RATE}/s offered (API alone)`,
      value: results.commandsAtTargetRate.requestsPerSecond,
      target: `≥ ${TARGET_RATE}, all answered: ${results.commandsAtTargetRate.sustained ? 'yes' : 'NO'}`,
    },
    {
      measure: `latency p50 / p99 at ${TARGET_RATE}/s (ms)`,
      value: `${atTarget.p50Ms} / ${atTarget.p99Ms}`,
      target: 'p99 ≤ 20',
    },
    {
      measure: 'errors / non-2xx',
      value: `${atTarget.errors + http.errors} / ${atTarget.non2xx + http.non2xx}`,
      target: '0 / 0',
    },
    {
      measure: 'ceiling: commands/s as fast as answered',
      value: results.commandsOverHttp.requestsPerSecond,
      target: '',
    },
    { measure: 'latency p50 / p99 at the ceiling (ms)', value: `${http.p50Ms} / ${http.p99Ms}`, target: '' },
    {
      measure: 'commands/s, API + embedded worker',
      value: results.commandsOverHttpWithEmbeddedWorker.requestsPerSecond,
      target: '',
    },
    { measure: 'latency p99, API + embedded worker (ms)', value: embedded.p99Ms, target: '' },
    { measure: 'rehydrate 1,000 events p95 (ms)', value: results.rehydrate1000.p95Ms, target: '≤ 5' },
  ]);
  console.log(`written ${writeResults('api.json', results)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
