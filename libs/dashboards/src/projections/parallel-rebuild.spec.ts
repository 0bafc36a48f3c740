import * as path from 'node:path';
import { communeDirectoryProjection } from '@cdce/communes';
import { Projector, rebuildProjections, type RebuildProgress, SqliteReadModelStore } from '@cdce/projections';
import { DASHBOARD_PROJECTIONS } from '../index';
import { campaignScenario } from '../testing/campaign-scenario';
import { ev, TestLog } from '../testing/commune-history';

const PROJECTIONS = [communeDirectoryProjection, ...DASHBOARD_PROJECTIONS];

/** Every row of every projection's table, in key order. */
function rowsOf(readModels: SqliteReadModelStore): Record<string, unknown[]> {
  return Object.fromEntries(
    PROJECTIONS.map((p) => {
      const table = SqliteReadModelStore.tableOf(p);
      return [table, readModels.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).raw().all()];
    }),
  );
}

describe('rebuilding the read models in worker threads', () => {
  let log: TestLog;
  let live: Record<string, unknown[]>;

  beforeAll(async () => {
    log = new TestLog();
    await campaignScenario(log);
    // The live projector: events applied as they come, in small batches.
    const projector = new Projector(log.store, log.readModels, PROJECTIONS, { batchSize: 7 });
    projector.start();
    expect(await projector.waitFor(await log.store.headPosition(), 20_000)).toBe(true);
    await projector.stop();
    live = rowsOf(log.readModels);
  }, 60_000);
  afterAll(() => log.close());

  it('gives the read models the live projector gives, each projection group in its own thread', async () => {
    const readModels = SqliteReadModelStore.open(path.join(log.dir, 'rebuilt-in-threads.sqlite'));
    const progress: RebuildProgress[] = [];
    const result = await rebuildProjections(log.store, readModels, PROJECTIONS, undefined, (p) => progress.push(p), {
      threads: true,
      batchSize: 50,
    });
    const head = await log.store.headPosition();
    // Every projection was rebuilt in a thread, none left to this one after a thread failed to load it.
    expect([...result.inThreads].sort()).toEqual(PROJECTIONS.map((p) => p.name).sort());
    expect(rowsOf(readModels)).toEqual(live);
    expect(live[SqliteReadModelStore.tableOf(communeDirectoryProjection)]!.length).toBeGreaterThan(5);
    expect(readModels.checkpoints().map((c) => c.position)).toEqual(PROJECTIONS.map(() => head));
    expect(result.applied).toBe(Number(head) + 1);
    // Progress: positions only move forward and reach the head once every thread is there.
    const positions = progress.map((p) => p.position);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    // The directory (one document per commune stream) was folded stream by stream, every event of the log once;
    // the title events were read in log order, through their filter.
    expect(progress.at(-1)).toMatchObject({ position: head, folded: Number(head) + 1, fraction: 1 });
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    readModels.close();
  }, 60_000);

  it('gives the same read models in this thread, reading only the parts of events the projections read', async () => {
    const readModels = SqliteReadModelStore.open(path.join(log.dir, 'rebuilt-here.sqlite'));
    await rebuildProjections(log.store, readModels, PROJECTIONS, undefined, undefined, {
      threads: false,
      batchSize: 50,
    });
    expect(rowsOf(readModels)).toEqual(live);
    readModels.close();
  });

  it('goes on live from the checkpoints the threads committed', async () => {
    const readModels = SqliteReadModelStore.open(path.join(log.dir, 'rebuilt-then-live.sqlite'));
    const projector = new Projector(log.store, readModels, PROJECTIONS, { threads: true, batchSize: 50 });
    await projector.catchUp();
    expect([...projector.caughtUpInThreads].sort()).toEqual(PROJECTIONS.map((p) => p.name).sort());
    expect(projector.position).toBe(await log.store.headPosition());
    expect(rowsOf(readModels)).toEqual(live);
    // Then live: events appended after the threads' catch-up are applied on top of what they committed.
    projector.start();
    await log.append('57081', '2026-03-03T10:00:00.000Z', 'copil', ev.opened('57081', '2026-03-03T10:00:00.000Z'));
    const head = await log.append(
      '21004',
      '2026-03-04T10:00:00.000Z',
      'coordination',
      ev.fomSubmitted('2026-03-04T10:00:00.000Z'),
    );
    expect(await projector.waitFor(head, 20_000)).toBe(true);
    await projector.stop();
    expect(readModels.checkpoints().map((c) => c.position)).toEqual(PROJECTIONS.map(() => head));
    const directory = SqliteReadModelStore.tableOf(communeDirectoryProjection);
    expect(rowsOf(readModels)[directory]!.length).toBe(live[directory]!.length + 1);
    // The same read models as a catch-up of the whole log in this thread.
    const fromScratch = SqliteReadModelStore.open(path.join(log.dir, 'rebuilt-after-live.sqlite'));
    await rebuildProjections(log.store, fromScratch, PROJECTIONS, undefined, undefined, { threads: false });
    expect(rowsOf(readModels)).toEqual(rowsOf(fromScratch));
    expect(rowsOf(readModels)).not.toEqual(live);
    fromScratch.close();
    readModels.close();
  }, 60_000);
});
