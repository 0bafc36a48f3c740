import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { CommandContext } from '../../event';
import { SqliteEventStore } from './sqlite-event-store.adapter';
import { WalCheckpointer } from './wal-checkpointer';
import { eventually } from '../../testing/eventually';

const folder = mkdtempSync(join(process.env['CDCE_TEST_DIR'] ?? tmpdir(), 'wal-checkpointer-'));
const context: CommandContext = { actor: { id: 'p', role: 'r' }, commandId: 'c', correlationId: 'c', causationId: 'c' };
const text = 'x'.repeat(2000);

/** Appends `count` events of about 2 kB: about one page each, all of them in the WAL until a checkpoint. */
async function fill(store: SqliteEventStore, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await store.appendToStream(`commune-${i % 7}`, [{ id: `e-${i}`, type: 'Noted', data: { i, text } }], {
      expectedRevision: 'any',
      context,
    });
  }
}

describe('WalCheckpointer', () => {
  it('copies the appended pages into the database file from its thread, well before SQLite would', async () => {
    const path = join(folder, 'background.sqlite');
    const store = SqliteEventStore.open({ path, checkpointInBackground: true });
    const before = statSync(path).size;
    await fill(store, 120);
    // A few hundred pages, far below the connection's own threshold (4,000 pages): only the thread can have copied them.
    expect(await eventually(() => statSync(path).size > before + 120 * 2000)).toBe(true);
    await store.close();
  });

  it('leaves the pages in the WAL when the store runs without it (the control for the test above)', async () => {
    const path = join(folder, 'foreground.sqlite');
    const store = SqliteEventStore.open({ path });
    const before = statSync(path).size;
    await fill(store, 120);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(statSync(path).size).toBe(before);
    await store.close();
  });

  it('keeps the process alive until it has stopped: code after `await stop()` runs (its thread is unref’d)', () => {
    // A process of its own, with nothing else to keep its event loop alive: as a CLI command or a script ends.
    const module = join(folder, 'wal-checkpointer.js');
    const source = readFileSync(join(__dirname, 'wal-checkpointer.ts'), 'utf8');
    writeFileSync(
      module,
      ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText,
    );
    const script = `
      const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
      const { WalCheckpointer } = require(${JSON.stringify(module)});
      const path = ${JSON.stringify(join(folder, 'stopping.sqlite'))};
      new Database(path).pragma('journal_mode = WAL');
      const checkpointer = new WalCheckpointer(path, { intervalMs: 10 });
      checkpointer.stop().then(() => console.log('after stop'));
    `;
    // The copied module resolves better-sqlite3 from wherever the test folder is: through the project's modules.
    const modules = join(require.resolve('better-sqlite3/package.json'), '..', '..');
    const env = { ...process.env, NODE_PATH: modules };
    expect(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000, env })).toBe(
      'after stop\n',
    );
  });

  it('stops cleanly, twice, and reports a file it cannot open instead of throwing', async () => {
    const checkpointer = new WalCheckpointer(join(folder, 'missing', 'nothing.sqlite'), { intervalMs: 10 });
    expect(await eventually(() => checkpointer.lastError !== undefined)).toBe(true);
    expect(checkpointer.lastError).toMatch(/unable to open|directory does not exist|no such file/i);
    await checkpointer.stop();
    await checkpointer.stop();
  });
});
