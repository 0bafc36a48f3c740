import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type CommandContext,
  type EventStore,
  type LogBatch,
  type RecordedEvent,
  SqliteEventStore,
} from '@cdce/eventsourcing';
import type { Projection } from './projection';
import { Projector } from './projector';
import { SqliteReadModelStore } from './sqlite-read-model.store';

interface Tally {
  stream: string;
  count: number;
  lastType: string;
}

/** Counts the events of each `tally-` stream; throws on a `Poison` event to show that a failed batch leaves nothing behind. */
const tallies = (version = 1): Projection<Tally> => ({
  name: 'tallies',
  version,
  filter: { streamPrefixes: ['tally-'] },
  documentIdOf: (event) => event.streamId,
  evolve: (doc, event) => {
    if (event.type === 'Poison') throw new Error('poisoned');
    if (event.type === 'Removed') return undefined;
    return { stream: event.streamId, count: (doc?.count ?? 0) + 1, lastType: event.type };
  },
  columns: { count: { type: 'INTEGER', value: (doc) => doc.count } },
  indexes: [['count']],
});

const context: CommandContext = {
  actor: { id: 'test', role: 'admin' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};
let counter = 0;
const append = (store: EventStore, stream: string, ...types: string[]) =>
  store.appendToStream(
    stream,
    types.map((type) => ({ id: `e-${++counter}`, type, data: {} })),
    { expectedRevision: 'any', context: { ...context, commandId: `cmd-${counter}` } },
  );

describe('Projector', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: SqliteReadModelStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'projector-'));
    store = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    readModels = SqliteReadModelStore.open(path.join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    readModels.close();
    await store.close();
  });

  const rows = () => readModels.db.prepare('SELECT id, count FROM rm_tallies ORDER BY id').all();

  it('catches up with the log, skipping what the filter excludes, and records the checkpoint', async () => {
    await append(store, 'tally-a', 'X', 'Y');
    await append(store, 'other-b', 'X');
    const { position } = await append(store, 'tally-b', 'X');
    const projector = new Projector(store, readModels, [tallies()]);
    expect(await projector.catchUp()).toBe(4);
    expect(rows()).toEqual([
      { id: 'tally-a', count: 2 },
      { id: 'tally-b', count: 1 },
    ]);
    expect(readModels.checkpoint('tallies')?.position).toBe(position);
  });

  it('applies live events and lets a caller wait for its own write', async () => {
    const projector = new Projector(store, readModels, [tallies()]);
    projector.start();
    const { position } = await append(store, 'tally-a', 'X', 'Y', 'Z');
    expect(await projector.waitFor(position, 5000)).toBe(true);
    expect(rows()).toEqual([{ id: 'tally-a', count: 3 }]);
    await projector.stop();
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    await append(store, 'tally-a', 'X');
    await new Projector(store, readModels, [tallies()]).catchUp();
    await append(store, 'tally-a', 'Y');
    readModels.close();
    readModels = SqliteReadModelStore.open(path.join(dir, 'read-models.sqlite'));
    await new Projector(store, readModels, [tallies()]).catchUp();
    expect(rows()).toEqual([{ id: 'tally-a', count: 2 }]);
  });

  it('rebuilds a projection from the beginning when its version changes', async () => {
    await append(store, 'tally-a', 'X', 'Y');
    await new Projector(store, readModels, [tallies(1)]).catchUp();
    readModels.db.prepare('UPDATE rm_tallies SET count = 99').run();
    await new Projector(store, readModels, [tallies(2)]).catchUp();
    expect(rows()).toEqual([{ id: 'tally-a', count: 2 }]);
    expect(readModels.checkpoint('tallies')?.version).toBe(2);
  });

  it('folds the same documents right across batches, from its cache or, once evicted, from the table', async () => {
    await append(store, 'tally-a', 'X');
    await append(store, 'tally-b', 'X');
    await append(store, 'tally-a', 'Y');
    await append(store, 'tally-a', 'Z');
    await append(store, 'tally-b', 'Y');
    for (const cachedDocuments of [0, 1, 100]) {
      readModels.reset('tallies');
      await new Projector(store, readModels, [tallies()], { batchSize: 1, cachedDocuments }).catchUp();
      expect(rows()).toEqual([
        { id: 'tally-a', count: 3 },
        { id: 'tally-b', count: 2 },
      ]);
    }
  });

  it('folds each document’s events of a batch with evolveMany when the projection has it, in order, as evolve would', async () => {
    await append(store, 'tally-a', 'X', 'Y');
    await append(store, 'tally-b', 'X');
    await append(store, 'tally-a', 'Z', 'Removed', 'X');
    await append(store, 'tally-b', 'Y', 'Z');
    const plain = tallies();
    const runs: string[][] = [];
    const folding: Projection<Tally> = {
      ...plain,
      evolveMany: (doc, events) => {
        runs.push(events.map((event) => `${event.streamId}:${event.type}`));
        return events.reduce<Tally | undefined>((folded, event) => plain.evolve(folded, event), doc);
      },
    };
    const expected = [
      { id: 'tally-a', count: 1 },
      { id: 'tally-b', count: 3 },
    ];
    await new Projector(store, readModels, [folding], { batchSize: 4 }).catchUp();
    expect(rows()).toEqual(expected);
    // Two batches: each document's events of a batch in one call, in log order.
    expect(runs).toEqual([
      ['tally-a:X', 'tally-a:Y', 'tally-a:Z'],
      ['tally-b:X'],
      ['tally-a:Removed', 'tally-a:X'],
      ['tally-b:Y', 'tally-b:Z'],
    ]);
    // From the cache or, once evicted, from the table: the same documents.
    for (const cachedDocuments of [0, 1]) {
      readModels.reset('tallies');
      await new Projector(store, readModels, [folding], { batchSize: 2, cachedDocuments }).catchUp();
      expect(rows()).toEqual(expected);
    }
    readModels.reset('tallies');
    const live = new Projector(store, readModels, [folding], { batchSize: 3 });
    live.start();
    expect(await live.waitFor(await store.headPosition(), 5000)).toBe(true);
    await live.stop();
    expect(rows()).toEqual(expected);
  });

  it('names the event a failing evolveMany stumbled on, as evolve finds it', async () => {
    await append(store, 'tally-a', 'X');
    const { position } = await append(store, 'tally-a', 'Poison', 'Y');
    const plain = tallies();
    const folding: Projection<Tally> = {
      ...plain,
      evolveMany: (doc, events) =>
        events.reduce<Tally | undefined>((folded, event) => plain.evolve(folded, event), doc),
    };
    await expect(new Projector(store, readModels, [folding]).catchUp()).rejects.toMatchObject({
      code: 'PROJECTION_FAILED',
      projection: 'tallies',
      eventType: 'Poison',
      position: position - 1n,
    });
    expect(rows()).toEqual([]);
  });

  it('gives a projection of a few event types a read of its own through its filter when asked, beside the others', async () => {
    await append(store, 'tally-a', 'X');
    await append(store, 'other-b', 'X', 'Y', 'Z');
    await append(store, 'tally-a', 'Y');
    const { position: head } = await append(store, 'other-b', 'X');
    const onlyX: Projection<Tally> = {
      ...tallies(),
      name: 'x-tallies',
      filter: { streamPrefixes: ['tally-'], eventTypes: ['X'] },
    };
    const read = jest.spyOn(store, 'readBatch');
    const batches: [bigint, number][] = [];
    const projector = new Projector(store, readModels, [tallies(), onlyX], {
      readThroughFilter: true,
      batchSize: 2,
      onBatch: (at, count) => batches.push([at, count]),
    });
    // Events read: by the read that reads most.
    expect(await projector.catchUp()).toBe(6);
    // The reads through a filter returned only the events it selects.
    const throughFilter: Promise<LogBatch>[] = read.mock.calls
      .map(([options], i) => (options.filter ? (read.mock.results[i]!.value as Promise<LogBatch>) : undefined))
      .filter((batch) => batch !== undefined);
    const events = (await Promise.all(throughFilter)).flatMap((batch) => batch.events);
    expect(events.map((event) => `${event.streamId}:${event.type}`)).toEqual(['tally-a:X']);
    expect(rows()).toEqual([{ id: 'tally-a', count: 2 }]);
    expect(readModels.db.prepare(`SELECT id, count FROM ${SqliteReadModelStore.tableOf(onlyX)}`).all()).toEqual([
      { id: 'tally-a', count: 1 },
    ]);
    expect(readModels.checkpoints().map((c) => c.position)).toEqual([head, head]);
    // One progress for both reads: positions never go back, and end at the head with every event counted once.
    const positions = batches.map(([at]) => at);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(batches.at(-1)![0]).toBe(head);
    expect(batches.reduce((sum, [, count]) => sum + count, 0)).toBe(6);
    read.mockRestore();
  });

  it('deletes a document when evolve returns undefined', async () => {
    await append(store, 'tally-a', 'X', 'Removed');
    await new Projector(store, readModels, [tallies()]).catchUp();
    expect(rows()).toEqual([]);
  });

  it('commits a batch whole or not at all: a failing event leaves documents and checkpoint as they were', async () => {
    await append(store, 'tally-a', 'X');
    const first = new Projector(store, readModels, [tallies()], { batchSize: 10 });
    await first.catchUp();
    const before = readModels.checkpoint('tallies')!.position;
    await append(store, 'tally-a', 'Y');
    await append(store, 'tally-b', 'Poison');
    await expect(new Projector(store, readModels, [tallies()], { batchSize: 10 }).catchUp()).rejects.toThrow(
      'poisoned',
    );
    expect(rows()).toEqual([{ id: 'tally-a', count: 1 }]);
    expect(readModels.checkpoint('tallies')!.position).toBe(before);
  });

  it('reports a failing projection in its status instead of dying silently', async () => {
    const projector = new Projector(store, readModels, [tallies()]);
    projector.start();
    const { position } = await append(store, 'tally-a', 'Poison');
    expect(await projector.waitFor(position, 300)).toBe(false);
    expect(projector.status()).toMatchObject({
      running: false,
      error: expect.stringContaining('poisoned'),
      failedProjection: 'tallies',
    });
    await projector.stop();
  });

  it('answers a waiting caller at once when a projection fails, instead of holding it until the timeout', async () => {
    const projector = new Projector(store, readModels, [tallies()]);
    projector.start();
    const poisoned = append(store, 'tally-a', 'Poison');
    const started = Date.now();
    const waiting = projector.waitFor((await poisoned).position, 10_000);
    expect(await waiting).toBe(false);
    const { position } = await append(store, 'tally-b', 'X');
    expect(await projector.waitFor(position, 10_000)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
    await projector.stop();
  });

  it('keeps several projections at their own checkpoints and reads the log once from the lowest', async () => {
    await append(store, 'tally-a', 'X');
    await new Projector(store, readModels, [tallies()]).catchUp();
    const seen: RecordedEvent[] = [];
    const spy: Projection<{ n: number }> = {
      name: 'spy',
      version: 1,
      filter: {},
      documentIdOf: (event) => {
        seen.push(event);
        return 'all';
      },
      evolve: (doc) => ({ n: (doc?.n ?? 0) + 1 }),
    };
    await append(store, 'tally-a', 'Y');
    await new Projector(store, readModels, [tallies(), spy]).catchUp();
    expect(rows()).toEqual([{ id: 'tally-a', count: 2 }]);
    expect(seen).toHaveLength(2);
  });

  it('during a catch-up, holds documents in memory and writes each once, indexes built after the load', async () => {
    await append(store, 'tally-a', 'X', 'Y');
    await append(store, 'tally-b', 'X');
    await append(store, 'tally-a', 'Z');
    readModels.prepare(tallies());
    readModels.db.exec(`CREATE TABLE writes (id TEXT);
      CREATE TRIGGER count_inserts AFTER INSERT ON rm_tallies BEGIN INSERT INTO writes VALUES (NEW.id); END;
      CREATE TRIGGER count_updates AFTER UPDATE ON rm_tallies BEGIN INSERT INTO writes VALUES (NEW.id); END;`);
    const progress: bigint[] = [];
    await new Projector(store, readModels, [tallies()], {
      batchSize: 1,
      onBatch: (position) => progress.push(position),
    }).catchUp();
    expect(readModels.db.prepare('SELECT id FROM writes ORDER BY id').pluck().all()).toEqual(['tally-a', 'tally-b']);
    expect(progress).toEqual([0n, 1n, 2n, 3n]);
    expect(rows()).toEqual([
      { id: 'tally-a', count: 3 },
      { id: 'tally-b', count: 1 },
    ]);
    expect(
      readModels.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rm_tallies' AND sql IS NOT NULL")
        .pluck()
        .all(),
    ).toEqual(['rm_tallies__count']);
  });

  it('commits a catch-up from a writer thread: same documents, checkpoints and progress as in place', async () => {
    for (let i = 0; i < 30; i++) await append(store, `tally-${i % 4}`, i % 7 === 6 ? 'Removed' : 'X');
    await append(store, 'other-z', 'X');
    const results = [];
    for (const writerThread of [false, true]) {
      readModels.reset('tallies');
      const progress: bigint[] = [];
      const projector = new Projector(store, readModels, [tallies()], {
        batchSize: 4,
        cachedDocuments: 2,
        writerThread,
        onBatch: (position) => progress.push(position),
      });
      await projector.catchUp();
      results.push({
        rows: rows(),
        checkpoint: readModels.checkpoint('tallies')!.position,
        progress,
        at: projector.position,
      });
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.checkpoint).toBe(30n);
  });

  it('with a writer thread, a failing event leaves the read model at its last commit', async () => {
    for (let i = 0; i < 10; i++) await append(store, `tally-${i % 3}`, 'X');
    await append(store, 'tally-a', 'Poison');
    const projector = new Projector(store, readModels, [tallies()], {
      batchSize: 2,
      cachedDocuments: 0,
      writerThread: true,
    });
    await expect(projector.catchUp()).rejects.toThrow('poisoned');
    expect(readModels.checkpoint('tallies')!.position).toBe(9n);
    expect(rows()).toEqual([
      { id: 'tally-0', count: 4 },
      { id: 'tally-1', count: 3 },
      { id: 'tally-2', count: 3 },
    ]);
    expect(projector.position).toBe(9n);
  });

  it('keys the rows of a document-per-event projection by an INTEGER column, its document given back by SQL, in place or from a writer thread', async () => {
    const feed: Projection<{ type: string }> = {
      name: 'feed',
      version: 1,
      filter: { streamPrefixes: ['tally-'] },
      documentIdOf: (event) => event.position.toString(),
      key: { column: 'position', type: 'INTEGER' },
      documentPerEvent: true,
      evolve: (doc, event) => {
        if (doc !== undefined) throw new Error('a document per event is never read back');
        return { type: event.type };
      },
      columns: { type: { type: 'TEXT', value: (doc) => doc.type } },
      documentSql: `json_object('type', type)`,
    };
    await append(store, 'tally-a', 'X', 'Y');
    await append(store, 'other-b', 'X');
    await append(store, 'tally-b', 'Z');
    for (const writerThread of [false, true]) {
      readModels.reset('feed');
      await new Projector(store, readModels, [feed], { batchSize: 2, writerThread }).catchUp();
      expect(readModels.db.prepare('SELECT position, typeof(position) AS t, doc FROM rm_feed').all()).toEqual([
        { position: 0, t: 'integer', doc: '{"type":"X"}' },
        { position: 1, t: 'integer', doc: '{"type":"Y"}' },
        { position: 3, t: 'integer', doc: '{"type":"Z"}' },
      ]);
    }
    const projector = new Projector(store, readModels, [feed]);
    projector.start();
    const { position } = await append(store, 'tally-c', 'W');
    expect(await projector.waitFor(position, 5000)).toBe(true);
    expect(readModels.writerFor(feed).load(position.toString())).toEqual({ type: 'W' });
    await projector.stop();
  });

  it('with no projection at all, catches up and starts at once instead of reading the log forever', async () => {
    await append(store, 'tally-a', 'X');
    const projector = new Projector(store, readModels, []);
    expect(await projector.catchUp()).toBe(0);
    projector.start();
    expect(await projector.waitFor(-1n, 10)).toBe(true);
    await projector.stop();
  });
});
