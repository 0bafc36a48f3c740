/**
 * Event store benchmark: the engine's SQLite adapter side by side with raw better-sqlite3 on the same pragmas,
 * in the same run, on the same machine. Writes bench/results/store.json.
 *
 *   npm run bench:store            (EVENTS_ALL=200000 for a quicker run)
 */
import Database from 'better-sqlite3';
import * as path from 'node:path';
import { type CommandContext, type NewEvent, SqliteEventStore } from '@cdce/eventsourcing';
import { machine, nowMs, percentile, printTable, rate, round, scratchDir, writeResults } from './support/bench-kit';

const SINGLE_APPENDS = Number(process.env.SINGLE_APPENDS ?? 20_000);
const BATCH_APPENDS = Number(process.env.BATCH_APPENDS ?? 5_000);
const STREAM_READS = Number(process.env.STREAM_READS ?? 2_000);
const EVENTS_ALL = Number(process.env.EVENTS_ALL ?? 1_000_000);

/** A realistic commune event payload (~300 bytes). */
const payload = (i: number) => ({
  partnerId: `partner-${i}`,
  kind: 'horeca',
  name: 'Café du Marché',
  products: ['café', 'thé', 'chocolat', 'sucre de canne'],
  registeredOn: '2024-03-15',
  note: 'Propose du café équitable au comptoir et du chocolat chaud en hiver, participe à la Semaine du commerce équitable.',
});

const context = (i: number): CommandContext => ({
  actor: { id: 'bench', role: 'coordination' },
  commandId: `cmd-${i}`,
  correlationId: `cmd-${i}`,
  causationId: `cmd-${i}`,
});

const events = (prefix: string, n: number): NewEvent[] =>
  Array.from({ length: n }, (_, k) => ({ id: `${prefix}-${k}`, type: 'PartnerRegistered', data: payload(k) }));

/** The raw limit: a table shaped like the engine's, the same pragmas, no checks, no hashing, no metadata object. */
function openRaw(file: string): { db: Database.Database; insert: Database.Statement } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, revision INTEGER NOT NULL,
    event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream_id, revision))`);
  const insert = db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  return { db, insert };
}

async function appendRates() {
  const dir = scratchDir('store');
  const raw = openRaw(path.join(dir, 'raw.sqlite'));
  const store = SqliteEventStore.open({ path: path.join(dir, 'engine.sqlite') });
  const meta = JSON.stringify(context(0));
  const data = JSON.stringify(payload(0));

  const rawSingle = await rate(SINGLE_APPENDS, (i) =>
    raw.db.transaction(() => raw.insert.run(`s-${i % 1000}`, Math.floor(i / 1000), `r1-${i}`, 'PartnerRegistered', data, meta))(),
  );
  const engineSingle = await rate(SINGLE_APPENDS, (i) =>
    store.appendToStream(`commune-${i % 1000}`, events(`e1-${i}`, 1), { expectedRevision: 'any', context: context(i) }),
  );
  const rawBatch = await rate(BATCH_APPENDS, (i) =>
    raw.db.transaction(() => {
      for (let k = 0; k < 10; k++) raw.insert.run(`b-${i % 500}`, Math.floor(i / 500) * 10 + k, `r10-${i}-${k}`, 'PartnerRegistered', data, meta);
    })(),
  );
  const engineBatch = await rate(BATCH_APPENDS, (i) =>
    store.appendToStream(`batch-${i % 500}`, events(`e10-${i}`, 10), { expectedRevision: 'any', context: context(i) }),
  );

  // readStream of a 100-event stream.
  await store.appendToStream('commune-read', events('read', 100), { expectedRevision: 'no_stream', context: context(-1) });
  for (let k = 0; k < 100; k++) raw.insert.run('read', k, `rr-${k}`, 'PartnerRegistered', data, meta);
  const rawRead = raw.db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision');
  const timings = { engine: [] as number[], raw: [] as number[] };
  for (let i = 0; i < STREAM_READS; i++) {
    let t = nowMs();
    await store.readStream('commune-read');
    timings.engine.push(nowMs() - t);
    t = nowMs();
    (rawRead.all('read') as Array<{ data: string; metadata: string }>).forEach((row) => (JSON.parse(row.data), JSON.parse(row.metadata)));
    timings.raw.push(nowMs() - t);
  }
  timings.engine.sort((a, b) => a - b);
  timings.raw.sort((a, b) => a - b);
  raw.db.close();
  await store.close();
  return { rawSingle, engineSingle, rawBatch, engineBatch, timings };
}

async function readAllRates() {
  const dir = scratchDir('store-all');
  const file = path.join(dir, 'engine.sqlite');
  const store = SqliteEventStore.open({ path: file });
  const fillStart = nowMs();
  for (let i = 0; i < EVENTS_ALL / 100; i++) {
    await store.appendToStream(`commune-${i % 5000}`, events(`all-${i}`, 100), { expectedRevision: 'any', context: context(i) });
  }
  const fillSeconds = (nowMs() - fillStart) / 1000;

  // Raw limit: the fastest plain better-sqlite3 read of the very same table — pages of 1000 rows by position,
  // arrays instead of objects — parsing each event's JSON. No metadata objects, no async iteration.
  const db = new Database(file, { readonly: true });
  const page = db.prepare('SELECT position, stream_id, revision, type, data FROM events WHERE position > ? ORDER BY position LIMIT 1000').raw();
  let t = nowMs();
  let count = 0;
  for (let after = -1, rows = page.all(after) as unknown[][]; rows.length > 0; rows = page.all(after) as unknown[][]) {
    for (const row of rows) {
      JSON.parse(row[4] as string);
      count++;
    }
    after = rows[rows.length - 1]![0] as number;
  }
  const rawAll = count / ((nowMs() - t) / 1000);
  db.close();

  t = nowMs();
  count = 0;
  for await (const event of store.readAll()) if (event.data) count++;
  const engineAll = count / ((nowMs() - t) / 1000);
  await store.close();
  return { rawAll, engineAll, count, fillSeconds };
}

async function main() {
  console.log(`Store benchmark: ${SINGLE_APPENDS} single appends, ${BATCH_APPENDS} batches of 10, ${EVENTS_ALL} events for $all…`);
  const a = await appendRates();
  const b = await readAllRates();
  const results = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    settings: { SINGLE_APPENDS, BATCH_APPENDS, STREAM_READS, EVENTS_ALL, pragmas: 'journal_mode=WAL, synchronous=NORMAL' },
    append1: { engine: round(a.engineSingle), raw: round(a.rawSingle), ratio: round(a.engineSingle / a.rawSingle, 3), unit: 'commands/s' },
    append10: {
      engine: round(a.engineBatch), raw: round(a.rawBatch), ratio: round(a.engineBatch / a.rawBatch, 3), unit: 'commands/s (10 events each)',
    },
    readStream100: {
      engineP50Ms: round(percentile(a.timings.engine, 50), 3),
      engineP95Ms: round(percentile(a.timings.engine, 95), 3),
      rawP50Ms: round(percentile(a.timings.raw, 50), 3),
      rawP95Ms: round(percentile(a.timings.raw, 95), 3),
      ratio: round(percentile(a.timings.raw, 50) / percentile(a.timings.engine, 50), 3),
    },
    readAll: {
      events: b.count, engine: round(b.engineAll), raw: round(b.rawAll), ratio: round(b.engineAll / b.rawAll, 3), unit: 'events/s',
      fillSeconds: round(b.fillSeconds, 1),
    },
    targets: { append1Ratio: 0.5, readAllRatio: 0.5, readStream100P95Ms: 2 },
  };
  printTable([
    { measure: 'append, 1 event/command', engine: results.append1.engine, raw: results.append1.raw, ratio: results.append1.ratio },
    { measure: 'append, 10 events/command', engine: results.append10.engine, raw: results.append10.raw, ratio: results.append10.ratio },
    { measure: 'readStream(100) p95 ms', engine: results.readStream100.engineP95Ms, raw: results.readStream100.rawP95Ms, ratio: results.readStream100.ratio },
    { measure: `$all read (${b.count} events)/s`, engine: results.readAll.engine, raw: results.readAll.raw, ratio: results.readAll.ratio },
  ]);
  console.log(`written ${writeResults('store.json', results)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
