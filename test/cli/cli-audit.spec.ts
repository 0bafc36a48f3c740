import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteEventStore } from '@cdce/eventsourcing';
import { Projector, SqliteReadModelStore } from '@cdce/projections';
import { PROJECTIONS } from '../../apps/api/src/read-models/read-models.module';
import { CLI_PROJECTIONS } from '../../apps/cli/src/cli-context';
import { cdce, tempDir } from './cli-support';

/** A short history (two years) keeps these tests fast; the full one is covered by demo-history.spec.ts. */
const UNTIL = '2016-12-31';

/** Every row (key, document and columns) of every projection, by table, in key order. */
function documents(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(
      CLI_PROJECTIONS.map((p) => {
        const table = SqliteReadModelStore.tableOf(p);
        return [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1`).raw().all()];
      }),
    );
  } finally {
    db.close();
  }
}

describe('cdce demo, verify, history and projections', () => {
  const dir = tempDir('audit');
  const liveFile = path.join(dir, 'live-read-models.sqlite');

  beforeAll(async () => {
    // A projector running live while the demo is written: what the API's projector would hold.
    const store = SqliteEventStore.open({ path: path.join(dir, 'events.sqlite'), pollIntervalMs: 10 });
    const readModels = SqliteReadModelStore.open(liveFile);
    const projector = new Projector(store, readModels, CLI_PROJECTIONS);
    projector.start();
    const demo = await cdce(dir, ['demo', '--until', UNTIL, '--seed', '3']);
    expect(demo).toMatchObject({ code: 0, out: expect.stringContaining('Démo chargée jusqu’au 2016-12-31') });
    expect(await projector.waitFor(await store.headPosition(), 10_000)).toBe(true);
    await projector.stop();
    readModels.close();
    await store.close();
  }, 60_000);

  it('refuses to rebuild read models that a running process projects into, and rebuilds once it is gone', async () => {
    // A process that stays alive stands for the API: its claim names its pid.
    const api = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    const readModels = SqliteReadModelStore.open(path.join(dir, 'read-models.sqlite'));
    readModels.db
      .prepare('INSERT OR REPLACE INTO rm_owner VALUES (1, ?, ?, ?)')
      .run(api.pid, 'api', '2026-11-30T08:00:00Z');
    readModels.close();
    try {
      const refused = await cdce(dir, ['projections', 'rebuild', 'commune-directory']);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain(`Le processus ${api.pid} (api`);
    } finally {
      api.kill('SIGKILL');
      await new Promise((resolve) => api.once('exit', resolve));
    }
    expect(await cdce(dir, ['projections', 'rebuild', 'commune-directory'])).toMatchObject({ code: 0 });
    // The rebuild held the file while it ran (an API starting meanwhile refuses to) and gives it back when done.
    const after = SqliteReadModelStore.open(path.join(dir, 'read-models.sqlite'));
    expect(after.db.prepare('SELECT count(*) FROM rm_owner').pluck().get()).toBe(0);
    after.close();
  });

  it('loads the demo into a log that holds no commune history yet (a webinar the worker scheduled on a first start)', async () => {
    const fresh = tempDir('webinar-only');
    const store = SqliteEventStore.open({ path: path.join(fresh, 'events.sqlite') });
    await store.appendToStream(
      'webinar-2026-12',
      [{ id: 'e-webinar-1', type: 'WebinarScheduled', data: { theme: 'Le COPIL et son fonctionnement' } }],
      {
        expectedRevision: 'no_stream',
        context: { actor: { id: 'worker', role: 'system' }, commandId: 'c1', correlationId: 'c1', causationId: 'c1' },
      },
    );
    await store.close();
    expect(await cdce(fresh, ['demo', '--until', '2015-06-30'])).toMatchObject({ code: 0 });
  });

  it('refuses to load the demo into a log that is not empty, and says what to do', async () => {
    const again = await cdce(dir, ['demo', '--until', UNTIL]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/contient déjà l’historique de communes \(\d+ événement\(s\) en tout\).*CDCE_DATA_DIR/);
    expect((await cdce(tempDir('bad'), ['demo', '--until', '31/12/2016'])).err).toContain('AAAA-MM-JJ');
  });

  it('rebuilds the read model from the log exactly as the live projector built it, and reports no lag', async () => {
    const rebuilt = await cdce(dir, ['projections', 'rebuild']);
    expect(rebuilt).toMatchObject({ code: 0, out: expect.stringContaining('commune-directory : reconstruite') });
    const fromLog = documents(path.join(dir, 'read-models.sqlite'));
    expect(fromLog.rm_commune_directory!.length).toBeGreaterThan(20);
    expect(fromLog).toEqual(documents(liveFile));
    expect((await cdce(dir, ['projections', 'status'])).out).toMatch(
      /commune-directory : position \d+, retard 0 événement/,
    );
    expect((await cdce(dir, ['projections', 'rebuild', 'nope'])).err).toContain('choisissez parmi commune-directory');
  });

  it('verifies every hash chain, then finds the one event altered in the file', async () => {
    const clean = await cdce(dir, ['verify']);
    expect(clean).toMatchObject({ code: 0, out: expect.stringContaining('intactes') });
    const db = new Database(path.join(dir, 'events.sqlite'));
    const row = db
      .prepare("SELECT position, data FROM events WHERE stream_id = 'commune-82003' AND type = 'TitleAwarded'")
      .get() as { position: number; data: string };
    const altered = JSON.stringify({ ...JSON.parse(row.data), validFrom: '2014-01-01' });
    db.prepare('UPDATE events SET data = ? WHERE position = ?').run(altered, row.position);
    db.close();

    const all = await cdce(dir, ['verify']);
    expect(all.code).toBe(1);
    expect(all.err).toContain('ALTÉRÉ : commune-82003');
    expect(all.err.match(/ALTÉRÉ/g)).toHaveLength(1);
    expect((await cdce(dir, ['verify', '82003'])).code).toBe(1);
    expect((await cdce(dir, ['verify', '82005'])).code).toBe(0);
  });

  it('prints a commune’s history: time, event, actor', async () => {
    const history = await cdce(dir, ['history', '82005']);
    expect(history.code).toBe(0);
    expect(history.out).toMatch(/^Historique de Bertogne \(82005\) : \d+ événement\(s\)/);
    expect(history.out).toMatch(/2016-\d\d-\d\dT[\d:.]+Z\s+#0\s+CandidacyOpened\s+demo-copil-82005 \(copil\)/);
    expect((await cdce(dir, ['history', '11001'])).err).toContain('outside the campaign');
    expect((await cdce(dir, ['history', '57081'])).err).toMatch(/Aucun historique pour .* jamais engagée/);
  });

  it('keeps the same projections as the API', () => {
    expect(CLI_PROJECTIONS.map((p) => p.name)).toEqual(PROJECTIONS.map((p) => p.name));
  });
});

describe('cdce reference import', () => {
  const source = path.resolve(__dirname, '../../libs/reference/data');

  it('checks a folder, prints the counts and copies it where cdce reads it', async () => {
    const target = path.join(tempDir('reference'), 'data');
    const run = await cdce(tempDir('ref'), ['reference', 'import', '--dir', source], {
      CDCE_REFERENCE_DATA_DIR: target,
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain('565 communes : Wallonie 261, Bruxelles 19, Flandre 285');
    expect(run.out).toContain('280 communes dans la campagne');
    expect(fs.readFileSync(path.join(target, 'belgian-municipalities.csv'), 'utf8')).toBe(
      fs.readFileSync(path.join(source, 'belgian-municipalities.csv'), 'utf8'),
    );
  });

  it('refuses a folder with a broken file and changes nothing', async () => {
    const broken = tempDir('broken');
    fs.copyFileSync(
      path.join(source, 'belgian-municipality-mergers.csv'),
      path.join(broken, 'belgian-municipality-mergers.csv'),
    );
    fs.writeFileSync(path.join(broken, 'belgian-municipalities.csv'), 'nis,name\n1,x\n');
    const target = path.join(tempDir('reference'), 'data');
    const run = await cdce(tempDir('ref'), ['reference', 'import', '--dir', broken], {
      CDCE_REFERENCE_DATA_DIR: target,
    });
    expect(run.code).toBe(1);
    expect(run.err).toContain('Données de référence refusées');
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('cdce on input it cannot use', () => {
  it('says why an event store file cannot be used and what to do, without a stack trace', async () => {
    const dir = tempDir('foreign');
    fs.writeFileSync(path.join(dir, 'events.sqlite'), 'not a database '.repeat(500));
    const run = await cdce(dir, ['verify']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('restore it from a backup');
    expect(run.err).toContain('STORE_UNAVAILABLE');
    expect(run.err).not.toContain('Erreur inattendue');
    expect(run.err).not.toMatch(/\n\s+at /);
  });

  it('refuses a --until date that does not exist instead of loading a history to an impossible day', async () => {
    const dir = tempDir('demo-date');
    const run = await cdce(dir, ['demo', '--until', '2024-02-30']);
    expect(run).toMatchObject({ code: 1, err: expect.stringContaining('--until 2024-02-30') });
    expect(fs.existsSync(path.join(dir, 'events.sqlite'))).toBe(false);
  });
});
