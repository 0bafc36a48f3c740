import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Projection, SqliteReadModelStore } from '@cdce/projections';
import { type ApiHarness, startApi } from '../support/api-harness';

/** The activity-feed read model as an earlier version kept it: a table of one row per event, and its checkpoint. */
const oldActivityFeed: Projection<{ readonly nis: string }> = {
  name: 'activity-feed',
  version: 4,
  filter: {},
  documentIdOf: (event) => event.position.toString(),
  evolve: (_doc, event) => ({ nis: event.streamId }),
  columns: { nis: { type: 'TEXT', value: (doc) => doc.nis } },
};

describe('the API starting on read models an earlier version left', () => {
  let api: ApiHarness;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'api-retired-'));
    const earlier = SqliteReadModelStore.open(path.join(dataDir, 'read-models.sqlite'));
    earlier.prepare(oldActivityFeed);
    earlier.writerFor(oldActivityFeed).save('0', { nis: '92094' });
    earlier.saveCheckpoint(oldActivityFeed.name, 0n, '2026-01-01T00:00:00.000Z');
    earlier.close();
    api = await startApi({ dataDir });
  });
  afterAll(() => api.close());

  it('drops the activity-feed read model (now read from the log), and keeps only the projections it runs', async () => {
    const readModels = SqliteReadModelStore.open(path.join(dataDir, 'read-models.sqlite'));
    try {
      const tables = readModels.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all();
      expect(tables).not.toContain('rm_activity_feed');
      expect(readModels.checkpoints().map((c) => c.projection)).toEqual(['commune-directory', 'title-events']);
    } finally {
      readModels.close();
    }
    const health = await api.request('GET', '/health');
    expect(health.body.projections.map((p: { name: string }) => p.name)).toEqual(['commune-directory', 'title-events']);
  });

  it('still serves the activity feed, from the log', async () => {
    const { secret } = await api.token('admin');
    const { status, body } = await api.request('GET', '/api/activity', { token: secret });
    expect([status, body.items]).toEqual([200, []]);
  });
});

describe('the API starting while another process writes its read models (a CLI rebuild)', () => {
  it('refuses to start, naming the process and what to do, and leaves the read models alone', async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.CDCE_TEST_DIR ?? os.tmpdir(), 'api-owned-'));
    const rebuild = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    const file = path.join(dataDir, 'read-models.sqlite');
    const other = SqliteReadModelStore.open(file);
    other.db
      .prepare('INSERT OR REPLACE INTO rm_owner VALUES (1, ?, ?, ?)')
      .run(rebuild.pid, 'cdce projections rebuild', '2026-11-30T08:00:00.000Z');
    other.close();
    try {
      await expect(startApi({ dataDir })).rejects.toThrow(
        `Process ${rebuild.pid} (cdce projections rebuild, since 2026-11-30T08:00:00.000Z) is writing the read models`,
      );
      const readModels = SqliteReadModelStore.open(file);
      expect(readModels.db.prepare('SELECT owner FROM rm_owner').pluck().get()).toBe('cdce projections rebuild');
      readModels.close();
    } finally {
      rebuild.kill('SIGKILL');
      await new Promise((resolve) => rebuild.once('exit', resolve));
    }
    // Once that process is gone, the API starts.
    const api = await startApi({ dataDir });
    expect((await api.request('GET', '/health')).status).toBe(200);
    await api.close();
  });
});
