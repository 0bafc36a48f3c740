import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CommandContext, InMemoryEventStore, SqliteEventStore } from '@cdce/eventsourcing';
import { CatchUpThreadNotLoadedError, ProjectionFailedError, Projector } from './projector';
import { SqliteReadModelStore } from './sqlite-read-model.store';
import {
  failingPerStreamProjection,
  failingStreamFile,
  notPerStreamProjection,
  perStreamCountsProjection,
  type StreamCount,
  streamCountsProjection,
  unloadablePerStreamProjection,
} from './testing/thread-projections';
import type { Projection } from './projection';

const context: CommandContext = {
  actor: { id: 'test', role: 'admin' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};

const countsOf = (readModels: SqliteReadModelStore, projection: Projection<StreamCount>) =>
  readModels.db.prepare(`SELECT id, count FROM ${SqliteReadModelStore.tableOf(projection)} ORDER BY id`).all();

const indexesOf = (readModels: SqliteReadModelStore, projection: Projection<StreamCount>) =>
  readModels.db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .pluck()
    .all(SqliteReadModelStore.tableOf(projection));

describe('Projector rebuilding a projection of one document per stream, stream by stream, on every thread', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: SqliteReadModelStore;
  /** What a catch-up in log order, in this thread, gives. */
  let expected: unknown[];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'stream-order-'));
    store = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    readModels = SqliteReadModelStore.open(path.join(dir, 'read-models.sqlite'));
    // 40 streams of 1 to 40 events, interleaved, and streams the prefix leaves out.
    for (let round = 0; round < 40; round++) {
      for (let s = round; s < 40; s++) {
        await store.appendToStream(
          `s-${String(s).padStart(2, '0')}`,
          [{ id: `e-${s}-${round}`, type: 'T', data: {} }],
          {
            expectedRevision: 'any',
            context,
          },
        );
      }
      await store.appendToStream(`other-${round}`, [{ id: `o-${round}`, type: 'T', data: {} }], {
        expectedRevision: 'any',
        context,
      });
    }
    const reference = SqliteReadModelStore.open(path.join(dir, 'reference.sqlite'));
    await new Projector(store, reference, [perStreamCountsProjection], { threads: false }).catchUp();
    expected = countsOf(reference, perStreamCountsProjection);
    reference.close();
  });
  afterEach(async () => {
    readModels.close();
    await store.close();
  });

  it('gives the documents a catch-up in log order gives, moves the checkpoint to the head and builds the indexes', async () => {
    const folded: number[] = [];
    const projector = new Projector(store, readModels, [perStreamCountsProjection, streamCountsProjection], {
      threads: true,
      batchSize: 7,
      onFolded: (count) => folded.push(count),
    });
    await projector.catchUp();
    const head = await store.headPosition();
    expect(expected).toHaveLength(40);
    expect(expected).toContainEqual({ id: 's-39', count: 40 });
    expect(countsOf(readModels, perStreamCountsProjection)).toEqual(expected);
    // The other projection was caught up in log order beside it, by the first thread.
    expect(countsOf(readModels, streamCountsProjection)).toHaveLength(80);
    expect(readModels.checkpoints().map((c) => c.position)).toEqual([head, head]);
    expect(projector.position).toBe(head);
    expect([...projector.caughtUpInThreads].sort()).toEqual([
      perStreamCountsProjection.name,
      streamCountsProjection.name,
    ]);
    // Every event of the prefix was read once, in batches of at most 7.
    expect(folded.reduce((sum, n) => sum + n, 0)).toBe((40 * 41) / 2);
    expect(Math.max(...folded)).toBeLessThanOrEqual(7);
    expect(indexesOf(readModels, perStreamCountsProjection)).toEqual(['rm_per_stream_counts__count']);
  });

  it('goes on live from the head once every range is folded', async () => {
    const projector = new Projector(store, readModels, [perStreamCountsProjection], { threads: true, batchSize: 7 });
    await projector.catchUp();
    projector.start();
    const { position } = await store.appendToStream('s-00', [{ id: 'late', type: 'T', data: {} }], {
      expectedRevision: 'any',
      context,
    });
    expect(await projector.waitFor(position, 10_000)).toBe(true);
    await projector.stop();
    expect(countsOf(readModels, perStreamCountsProjection)).toContainEqual({ id: 's-00', count: 2 });
  });

  it('folds in log order, as before, a projection whose table already holds documents (a catch-up, not a rebuild)', async () => {
    const first = new Projector(store, readModels, [perStreamCountsProjection], { threads: false, upTo: 100n });
    await first.catchUp();
    const folded: number[] = [];
    const projector = new Projector(store, readModels, [perStreamCountsProjection], {
      threads: true,
      onFolded: (count) => folded.push(count),
    });
    await projector.catchUp();
    expect(folded).toEqual([]);
    expect(countsOf(readModels, perStreamCountsProjection)).toEqual(expected);
  });

  it('clears what an interrupted rebuild left (rows behind a checkpoint at the start) before going on', async () => {
    readModels.prepare(perStreamCountsProjection);
    readModels.writerFor(perStreamCountsProjection).save('s-00', { count: 99 });
    const projector = new Projector(store, readModels, [perStreamCountsProjection], { batchSize: 7 });
    // Not when the projector is made (another process may be rebuilding the file), but when it starts to apply.
    expect(countsOf(readModels, perStreamCountsProjection)).toEqual([{ id: 's-00', count: 99 }]);
    projector.start();
    expect(await projector.waitFor(await store.headPosition(), 10_000)).toBe(true);
    await projector.stop();
    expect(countsOf(readModels, perStreamCountsProjection)).toEqual(expected);
  });

  it('fails, naming the projection and the event, when a fold throws; the same projector then rebuilds from scratch', async () => {
    // The last stream fails: the other ranges have been folded and written by then.
    fs.writeFileSync(failingStreamFile(), 's-39');
    const projector = new Projector(store, readModels, [failingPerStreamProjection], { threads: true, batchSize: 7 });
    let error: unknown;
    try {
      error = await projector.catchUp().then(
        () => undefined,
        (caught: unknown) => caught,
      );
    } finally {
      fs.rmSync(failingStreamFile());
    }
    expect(error).toBeInstanceOf(ProjectionFailedError);
    expect(error).toMatchObject({ projection: failingPerStreamProjection.name, eventType: 'T' });
    expect(readModels.checkpoint(failingPerStreamProjection.name)!.position).toBe(-1n);
    // What the other ranges wrote was taken out again, and the indexes are back.
    expect(countsOf(readModels, failingPerStreamProjection)).toEqual([]);
    expect(indexesOf(readModels, failingPerStreamProjection)).toEqual(['rm_failing_per_stream_counts__count']);
    // Asked again (the cause gone), the same projector gives each stream its count once, not twice.
    await projector.catchUp();
    expect(countsOf(readModels, failingPerStreamProjection)).toEqual(expected);
  });

  it('refuses a projection that says its documents are one stream each and gives two streams the same one', async () => {
    const projector = new Projector(store, readModels, [notPerStreamProjection], { threads: true, batchSize: 7 });
    await expect(projector.catchUp()).rejects.toThrow(
      'Projection not-per-stream-counts says each of its documents is one stream',
    );
    expect(countsOf(readModels, notPerStreamProjection)).toEqual([]);
  });

  it('fails when threads were asked for and none could load the projection; with a warning otherwise, in log order here', async () => {
    const asked = new Projector(store, readModels, [unloadablePerStreamProjection], { threads: true });
    await expect(asked.catchUp()).rejects.toBeInstanceOf(CatchUpThreadNotLoadedError);
    // Long enough for the projector to choose threads on its own.
    await store.appendToStream(
      's-long',
      Array.from({ length: 50_000 }, (_, i) => ({ id: `long-${i}`, type: 'T', data: {} })),
      { expectedRevision: 'any', context },
    );
    const warnings: string[] = [];
    const projector = new Projector(store, readModels, [unloadablePerStreamProjection], {
      batchSize: 10_000,
      onWarning: (message) => warnings.push(message),
    });
    await projector.catchUp();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(unloadablePerStreamProjection.name);
    expect(warnings[0]).toContain('exports no noSuchProjection');
    expect(projector.caughtUpInThreads).toEqual([]);
    expect(countsOf(readModels, unloadablePerStreamProjection)).toEqual(
      [...expected, { id: 's-long', count: 50_000 }].sort((a, b) =>
        (a as { id: string }).id < (b as { id: string }).id ? -1 : 1,
      ),
    );
  });

  it('folds in log order a store that cannot read streams one after the other from another thread', async () => {
    const memory = new InMemoryEventStore();
    await memory.appendToStream('s-a', [{ id: 'a', type: 'T', data: {} }], { expectedRevision: 'any', context });
    const folded: number[] = [];
    await new Projector(memory, readModels, [perStreamCountsProjection], {
      threads: true,
      onFolded: (count) => folded.push(count),
    }).catchUp();
    expect(folded).toEqual([]);
    expect(countsOf(readModels, perStreamCountsProjection)).toEqual([{ id: 's-a', count: 1 }]);
  });
});
