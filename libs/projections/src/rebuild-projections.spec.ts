import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CommandContext, SqliteEventStore } from '@cdce/eventsourcing';
import type { Projection } from './projection';
import { Projector } from './projector';
import { rebuildProjections, type RebuildProgress } from './rebuild-projections';
import { SqliteReadModelStore } from './sqlite-read-model.store';

const counter = (name: string, prefix: string): Projection<{ n: number }> => ({
  name,
  version: 1,
  filter: { streamPrefixes: [prefix] },
  documentIdOf: (event) => event.streamId,
  evolve: (doc) => ({ n: (doc?.n ?? 0) + 1 }),
  columns: { n: { type: 'INTEGER', value: (doc) => doc.n } },
});

const context: CommandContext = {
  actor: { id: 't', role: 'admin' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};

describe('rebuildProjections', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: SqliteReadModelStore;
  const a = counter('count-a', 'a-');
  const b = counter('count-b', 'b-');
  const rows = (name: string) =>
    readModels.db.prepare(`SELECT id, n FROM ${SqliteReadModelStore.tableOf(name)} ORDER BY id`).all();

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'rebuild-'));
    store = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite') });
    readModels = SqliteReadModelStore.open(path.join(dir, 'read-models.sqlite'));
    for (let i = 0; i < 25; i++) {
      await store.appendToStream(`${i % 2 ? 'a' : 'b'}-${i % 3}`, [{ id: `e${i}`, type: 'X', data: {} }], {
        expectedRevision: 'any',
        context: { ...context, commandId: `c${i}` },
      });
    }
    await new Projector(store, readModels, [a, b]).catchUp();
  });
  afterEach(async () => {
    readModels.close();
    await store.close();
  });

  it('rebuilds only the named read model from the log, reporting progress up to the head', async () => {
    readModels.db.prepare('UPDATE rm_count_a SET n = 99').run();
    readModels.db.prepare('UPDATE rm_count_b SET n = 77').run();
    const progress: RebuildProgress[] = [];
    const result = await rebuildProjections(store, readModels, [a, b], ['count-a'], (p) => progress.push(p), {
      batchSize: 10,
    });
    expect(rows('count-a')).toEqual([
      { id: 'a-0', n: 4 },
      { id: 'a-1', n: 4 },
      { id: 'a-2', n: 4 },
    ]);
    expect((rows('count-b') as { n: number }[]).every((row) => row.n === 77)).toBe(true);
    expect(result).toMatchObject({ projections: ['count-a'], applied: 25, head: 24n });
    expect(progress.map((p) => p.applied)).toEqual([10, 20, 25]);
    expect(progress.at(-1)).toMatchObject({ position: 24n, head: 24n });
    expect(readModels.checkpoint('count-a')?.position).toBe(24n);
  });

  it('rebuilds every projection when no name is given', async () => {
    readModels.db.prepare('DELETE FROM rm_count_b').run();
    const result = await rebuildProjections(store, readModels, [a, b]);
    expect(result.projections).toEqual(['count-a', 'count-b']);
    expect(rows('count-b')).toHaveLength(3);
  });

  it('refuses an unknown name before touching any read model', async () => {
    await expect(rebuildProjections(store, readModels, [a, b], ['count-a', 'nope'])).rejects.toMatchObject({
      code: 'UNKNOWN_PROJECTION',
    });
    expect(rows('count-a')).toHaveLength(3);
  });
});
