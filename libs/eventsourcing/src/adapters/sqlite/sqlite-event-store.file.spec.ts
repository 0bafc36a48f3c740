import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandContext, RecordedEvent } from '../../event';
import { CorruptEventError, StoreUnavailableError } from '../../errors';
import { openSqliteEventStoreReader, SqliteEventStore } from './sqlite-event-store.adapter';
import { CDCE_APPLICATION_ID, SCHEMA_VERSION } from './sqlite-schema';

const folder = mkdtempSync(join(process.env['CDCE_TEST_DIR'] ?? tmpdir(), 'sqlite-file-'));
let files = 0;
const newFile = () => join(folder, `store-${++files}.sqlite`);
const context: CommandContext = { actor: { id: 'p', role: 'r' }, commandId: 'c', correlationId: 'c', causationId: 'c' };

function openFailure(path: string): StoreUnavailableError {
  try {
    SqliteEventStore.open({ path });
  } catch (error) {
    if (error instanceof StoreUnavailableError) return error;
    throw error;
  }
  throw new Error('the store opened');
}

/** Opening must leave a file that is not ours byte for byte as it was, with no WAL or journal beside it. */
function expectUntouched(path: string, before: Buffer): void {
  expect(readFileSync(path).equals(before)).toBe(true);
  expect(existsSync(`${path}-wal`)).toBe(false);
  expect(existsSync(`${path}-journal`)).toBe(false);
}

describe('SqliteEventStore and its file', () => {
  it('marks a new file as a cdce store of the current schema, in WAL mode', async () => {
    const path = newFile();
    await SqliteEventStore.open({ path }).close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('application_id', { simple: true })).toBe(CDCE_APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a file that is not SQLite at all, naming it, and leaves it untouched', () => {
    const path = newFile();
    writeFileSync(path, 'nis;name\n92094;Namur\n'.repeat(100));
    const before = readFileSync(path);
    const error = openFailure(path);
    expect(error.code).toBe('STORE_UNAVAILABLE');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/not a SQLite database or it is damaged/);
    expectUntouched(path, before);
  });

  it('refuses the SQLite database of another application and leaves it untouched', () => {
    const path = newFile();
    const foreign = new Database(path);
    foreign.exec('CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL); INSERT INTO orders (total) VALUES (12.5);');
    foreign.close();
    const before = readFileSync(path);
    const error = openFailure(path);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/another application/);
    expectUntouched(path, before);
  });

  it('refuses a store written by a newer cdce and tells to upgrade', async () => {
    const path = newFile();
    await SqliteEventStore.open({ path }).close();
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(path);
    expect(openFailure(path).message).toMatch(/newer cdce.*upgrade cdce/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged file', async () => {
    const path = newFile();
    const store = SqliteEventStore.open({ path });
    await store.appendToStream('s', [{ id: 'e', type: 'T', data: {} }], { expectedRevision: 'any', context });
    await store.close();
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 0, 100); // the header
    writeFileSync(path, bytes);
    expect(openFailure(path).message).toMatch(/not a SQLite database or it is damaged/);
  });

  it('says when the folder does not exist', () => {
    expect(openFailure(join(folder, 'missing', 'events.sqlite')).message).toMatch(/folder .*missing does not exist/);
  });

  it('reports an event whose stored JSON no longer parses as corrupt, naming stream and revision', async () => {
    const path = newFile();
    const store = SqliteEventStore.open({ path });
    await store.appendToStream(
      'commune-92094',
      [
        { id: 'a', type: 'T', data: {} },
        { id: 'b', type: 'T', data: {} },
      ],
      {
        expectedRevision: 'no_stream',
        context,
      },
    );
    const db = new Database(path);
    db.prepare("UPDATE events SET data = '{\"truncated\": ' WHERE event_id = 'b'").run();
    db.close();
    const error = await store.readStream('commune-92094').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptEventError);
    expect(error).toMatchObject({ code: 'CORRUPT_EVENT', streamId: 'commune-92094', revision: 1n });
    const folding = await store.readStreamToFold('commune-92094').catch((e: unknown) => e);
    expect(folding).toBeInstanceOf(CorruptEventError);
    expect(folding).toMatchObject({ code: 'CORRUPT_EVENT', streamId: 'commune-92094', revision: 1n });
    await expect(drain(store.readAll())).rejects.toThrow(/commune-92094@1 is corrupt/);
    await store.close();
  });

  it('wakes a subscription of another store instance in this process right after the commit', async () => {
    const path = newFile();
    const reader = SqliteEventStore.open({ path, pollIntervalMs: 60_000 });
    const writer = SqliteEventStore.open({ path, pollIntervalMs: 60_000 });
    const subscription = reader.subscribeToAll();
    const next = subscription[Symbol.asyncIterator]().next();
    await writer.appendToStream('s', [{ id: 'e', type: 'T', data: {} }], { expectedRevision: 'any', context });
    const started = Date.now();
    await expect(next).resolves.toMatchObject({ done: false, value: { id: 'e' } });
    expect(Date.now() - started).toBeLessThan(1000);
    await Promise.all([reader.close(), writer.close()]);
  });

  it('notices appends made through another connection by polling', async () => {
    const path = newFile();
    const reader = SqliteEventStore.open({ path, pollIntervalMs: 20 });
    const subscription = reader.subscribeToAll();
    const next = subscription[Symbol.asyncIterator]().next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A write the in-process signal cannot see, as if made by another process.
    const other = new Database(path);
    other
      .prepare(
        `INSERT INTO events VALUES (0, 's', 0, 'x', 'T', '{}', 'p', 'r', 'c', 'c', 'c', '2025-01-01T00:00:00.000Z', 'h')`,
      )
      .run();
    other.close();
    await expect(next).resolves.toMatchObject({ done: false, value: { id: 'x', position: 0n } });
    await reader.close();
  });

  it('opens the reader of another thread read-only: it waits for no write lock, checks the file and cannot append', async () => {
    const path = newFile();
    const store = SqliteEventStore.open({ path });
    await store.appendToStream('s', [{ id: 'e', type: 'T', data: {} }], { expectedRevision: 'any', context });
    // Another connection holds the write lock, as an append does: a connection taking it too would wait, then fail.
    const writer = new Database(path);
    writer.exec('BEGIN IMMEDIATE');
    const reader = openSqliteEventStoreReader({ path });
    writer.exec('ROLLBACK');
    writer.close();
    await expect(reader.headPosition()).resolves.toBe(0n);
    await expect(
      reader.appendToStream('s', [{ id: 'f', type: 'T', data: {} }], { expectedRevision: 'any', context }),
    ).rejects.toMatchObject({ code: 'SQLITE_READONLY' });
    await reader.close();
    await store.close();
    const foreign = newFile();
    new Database(foreign).exec('CREATE TABLE orders (id INTEGER PRIMARY KEY)').close();
    expect(() => openSqliteEventStoreReader({ path: foreign })).toThrow(StoreUnavailableError);
    expect(() => openSqliteEventStoreReader({ path: newFile() })).toThrow(StoreUnavailableError);
  });

  it('accepts synchronous=full', async () => {
    const store = SqliteEventStore.open({ path: newFile(), synchronous: 'full' });
    await expect(
      store.appendToStream('s', [{ id: 'e', type: 'T', data: {} }], { expectedRevision: 'any', context }),
    ).resolves.toMatchObject({ nextExpectedRevision: 0n, position: 0n });
    await store.close();
  });
});

async function drain(iterable: AsyncIterable<RecordedEvent>): Promise<void> {
  for await (const _ of iterable);
}
