import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Projection } from './projection';
import { SqliteReadModelStore } from './sqlite-read-model.store';

interface Note {
  readonly text: string;
}

const notes: Projection<Note> = {
  name: 'notes',
  version: 1,
  filter: {},
  documentIdOf: (event) => event.id,
  evolve: (_doc, event) => event.data as Note,
};

async function eventually(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}

/** Writes about 300 pages of documents in small transactions, as a live projector does. */
function write(readModels: SqliteReadModelStore): void {
  readModels.prepare(notes as Projection<unknown>);
  const writer = readModels.writerFor(notes);
  for (let batch = 0; batch < 30; batch++) {
    readModels.db.transaction(() => {
      for (let i = 0; i < 10; i++) writer.save(`n-${batch}-${i}`, { text: 'x'.repeat(3000) });
    })();
  }
}

describe('SqliteReadModelStore on a real file', () => {
  const folder = fs.mkdtempSync(path.join(process.env['CDCE_TEST_DIR'] ?? os.tmpdir(), 'read-models-'));

  it('checkpoints its WAL from a background thread when asked, long before its own threshold', async () => {
    const file = path.join(folder, 'background.sqlite');
    const readModels = SqliteReadModelStore.open(file, { checkpointInBackground: true });
    const before = fs.statSync(file).size;
    write(readModels);
    expect(await eventually(() => fs.statSync(file).size > before + 300 * 3000)).toBe(true);
    readModels.close();
  });

  it('leaves the pages in the WAL without it (the control for the test above)', async () => {
    const file = path.join(folder, 'foreground.sqlite');
    const readModels = SqliteReadModelStore.open(file);
    const before = fs.statSync(file).size;
    write(readModels);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fs.statSync(file).size).toBeLessThan(before + 300 * 3000);
    readModels.close();
  });
});
