import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CommandContext, SqliteEventStore } from '@cdce/eventsourcing';
import type { Projection } from './projection';
import { CatchUpThreadNotLoadedError, Projector } from './projector';
import { CATCH_UP_BUSY_TIMEOUT_MS, SqliteReadModelStore } from './sqlite-read-model.store';
import { type StreamCount, streamCountsProjection, unloadableProjection } from './testing/thread-projections';

const context: CommandContext = {
  actor: { id: 'test', role: 'admin' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};

/** The same counts with no `source`: caught up in the projector's own thread. */
const countsHere: Projection<StreamCount> = { ...streamCountsProjection, name: 'counts-here', source: undefined };

const countsOf = (readModels: SqliteReadModelStore, projection: Projection<StreamCount>) =>
  readModels.db.prepare(`SELECT id, count FROM ${SqliteReadModelStore.tableOf(projection)} ORDER BY id`).all();

describe('Projector catching up in worker threads', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: SqliteReadModelStore;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'projector-threads-'));
    store = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    readModels = SqliteReadModelStore.open(path.join(dir, 'read-models.sqlite'));
    for (const stream of ['s-a', 's-b', 's-a']) {
      await store.appendToStream(stream, [{ id: `e-${Math.random()}`, type: 'T', data: {} }], {
        expectedRevision: 'any',
        context,
      });
    }
  });
  afterEach(async () => {
    readModels.close();
    await store.close();
  });

  it('lets its own connection wait for the threads’ commits as long as they do, then puts its timeout back', async () => {
    const usual = readModels.db.pragma('busy_timeout', { simple: true });
    const timeouts: unknown[] = [];
    const projector = new Projector(store, readModels, [streamCountsProjection, countsHere], {
      threads: true,
      batchSize: 1,
      onBatch: () => timeouts.push(readModels.db.pragma('busy_timeout', { simple: true })),
    });
    await projector.catchUp();
    expect(timeouts.length).toBeGreaterThan(0);
    expect(new Set(timeouts)).toEqual(new Set([CATCH_UP_BUSY_TIMEOUT_MS]));
    expect(readModels.db.pragma('busy_timeout', { simple: true })).toBe(usual);
    const counts = [
      { id: 's-a', count: 2 },
      { id: 's-b', count: 1 },
    ];
    expect(countsOf(readModels, streamCountsProjection)).toEqual(counts);
    expect(countsOf(readModels, countsHere)).toEqual(counts);
  });

  it('says which projections ran in threads', async () => {
    const projector = new Projector(store, readModels, [streamCountsProjection, countsHere], { threads: true });
    await projector.catchUp();
    expect(projector.caughtUpInThreads).toEqual([streamCountsProjection.name]);
  });

  it('fails when threads were asked for and one could not load its projections, saying which and why', async () => {
    const projector = new Projector(store, readModels, [unloadableProjection, countsHere], { threads: true });
    const error = await projector.catchUp().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CatchUpThreadNotLoadedError);
    expect(error).toMatchObject({ projections: [unloadableProjection.name] });
    expect((error as Error).message).toContain('exports no noSuchProjection');
    expect(readModels.checkpoint(unloadableProjection.name)!.position).toBe(-1n);
  });

  it('catches up here, with a warning saying which and why, what a thread it chose to start could not load', async () => {
    // Long enough for the projector to choose threads on its own.
    await store.appendToStream(
      'long',
      Array.from({ length: 50_000 }, (_, i) => ({ id: `long-${i}`, type: 'T', data: {} })),
      { expectedRevision: 'any', context },
    );
    const warnings: string[] = [];
    const projector = new Projector(store, readModels, [unloadableProjection, countsHere], {
      batchSize: 10_000,
      onWarning: (message) => warnings.push(message),
    });
    await projector.catchUp();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(unloadableProjection.name);
    expect(warnings[0]).toContain('exports no noSuchProjection');
    expect(projector.caughtUpInThreads).toEqual([]);
    expect(countsOf(readModels, unloadableProjection)).toEqual(countsOf(readModels, countsHere));
    expect(countsOf(readModels, countsHere)).toContainEqual({ id: 'long', count: 50_000 });
  });
});
