import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually } from '@cdce/eventsourcing/testing';
import { rowsPerStatement, upsertOfRows } from './multi-row-upsert';
import type { Projection } from './projection';
import { SqliteReadModelStore } from './sqlite-read-model.store';
import type { TableWrites } from './writer-thread';

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

  it('drops the tables and checkpoints of projections no longer kept, once, and leaves the others alone', () => {
    const file = path.join(folder, 'retired.sqlite');
    const readModels = SqliteReadModelStore.open(file);
    write(readModels);
    const kept = { ...notes, name: 'kept-notes' };
    readModels.prepare(kept as Projection<unknown>);
    readModels.writerFor(kept).save('k', { text: 'stays' });
    expect(readModels.retire(['notes', 'never-kept'])).toEqual(['notes']);
    const tables = readModels.db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck();
    expect(tables.all()).toEqual(['rm_checkpoints', 'rm_kept_notes', 'rm_owner']);
    expect(readModels.checkpoints().map((c) => c.projection)).toEqual(['kept-notes']);
    expect(readModels.retire(['notes'])).toEqual([]);
    readModels.close();
  });
});

interface Item {
  readonly label: string;
  readonly size: number;
}

/** Documents stored as JSON beside two columns (arity 4: key, JSON, columns). */
const items: Projection<Item> = {
  name: 'items',
  version: 1,
  filter: {},
  documentIdOf: (event) => event.id,
  evolve: (_doc, event) => event.data as Item,
  columns: {
    label: { type: 'TEXT', value: (doc) => doc.label },
    size: { type: 'INTEGER', value: (doc) => doc.size },
  },
};

/** Documents given back by SQL from their columns, keyed by an INTEGER (arity 3: key, columns). */
const entries: Projection<Item> = {
  ...items,
  name: 'entries',
  key: { column: 'position', type: 'INTEGER' },
  documentPerEvent: true,
  documentSql: `json_object('label', label, 'size', size)`,
};

/** Rows of the table as stored (`SELECT *`), and every write its triggers saw, in key order. */
function contentOf(readModels: SqliteReadModelStore, projection: Projection<Item>) {
  const table = SqliteReadModelStore.tableOf(projection);
  return {
    rows: readModels.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).raw().all(),
    writes: readModels.db.prepare('SELECT * FROM writes ORDER BY 1, 2, 3').raw().all(),
  };
}

/** The table, with triggers that log each insert, update and delete, and the documents already in it. */
function prepared(readModels: SqliteReadModelStore, projection: Projection<Item>): void {
  readModels.prepare(projection as Projection<unknown>);
  const table = SqliteReadModelStore.tableOf(projection);
  const key = projection.key?.column ?? 'id';
  readModels.db.exec(`CREATE TABLE writes (key TEXT, operation TEXT, label TEXT);
    CREATE TRIGGER log_inserts AFTER INSERT ON ${table} BEGIN INSERT INTO writes VALUES (NEW.${key}, 'insert', NEW.label); END;
    CREATE TRIGGER log_updates AFTER UPDATE ON ${table} BEGIN INSERT INTO writes VALUES (NEW.${key}, 'update', NEW.label); END;
    CREATE TRIGGER log_deletes AFTER DELETE ON ${table} BEGIN INSERT INTO writes VALUES (OLD.${key}, 'delete', OLD.label); END;`);
  const writer = readModels.writerFor(projection);
  readModels.db.transaction(() => {
    for (let i = 0; i < 40; i += 3) writer.save(String(i), { label: `old ${i}`, size: i });
  })();
}

/** Parameters of a row: key, JSON unless SQL gives the document back, two columns. */
const arityOf = (projection: Projection<Item>) => (projection.documentSql ? 3 : 4);

/**
 * Documents for a commit that fills two multi-row statements and leaves a remainder: new ones, rewritten ones and
 * deleted ones (present or not), interleaved.
 */
function changes(projection: Projection<Item>): Map<string, Item | undefined> {
  const upserts = 2 * rowsPerStatement(arityOf(projection)) + 5;
  const docs = new Map<string, Item | undefined>();
  for (let i = 0, written = 0; written < upserts; i++) {
    const doc = i % 5 === 4 ? undefined : { label: `new ${i}`, size: i };
    docs.set(String(i), doc);
    if (doc) written++;
  }
  return docs;
}

describe('DocumentWriter.saveAll', () => {
  it.each([items, entries])(
    'writes what saving the documents one by one writes, triggers alike ($name)',
    (projection) => {
      const results = [];
      for (const many of [false, true]) {
        const readModels = SqliteReadModelStore.open(':memory:');
        prepared(readModels, projection);
        const writer = readModels.writerFor(projection);
        const docs = changes(projection);
        readModels.db.transaction(() => {
          if (many) writer.saveAll(docs);
          else docs.forEach((doc, id) => writer.save(id, doc));
        })();
        results.push(contentOf(readModels, projection));
        readModels.close();
      }
      expect(results[1]).toEqual(results[0]);
      expect(results[0]!.rows.length).toBeGreaterThan(2 * rowsPerStatement(arityOf(projection)));
    },
  );

  it('writes a few documents, fewer than one statement takes, and nothing at all for an empty map', () => {
    const readModels = SqliteReadModelStore.open(':memory:');
    prepared(readModels, entries);
    const writer = readModels.writerFor(entries);
    writer.saveAll(new Map());
    writer.saveAll(
      new Map([
        ['1', { label: 'one', size: 1 }],
        ['3', undefined],
      ]),
    );
    expect(writer.load('1')).toEqual({ label: 'one', size: 1 });
    expect(writer.load('3')).toBeUndefined();
    expect(writer.load('6')).toEqual({ label: 'old 6', size: 6 });
    readModels.close();
  });
});

describe('upsertOfRows', () => {
  it('repeats the values of a single-row upsert, and refuses SQL of another shape', () => {
    const sql = 'INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT(a) DO UPDATE SET b = excluded.b';
    expect(upsertOfRows(sql, 2, 3)).toBe(
      'INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?) ON CONFLICT(a) DO UPDATE SET b = excluded.b',
    );
    expect(() => upsertOfRows(sql, 3, 2)).toThrow(/single-row upsert/);
  });
});

describe('WriterThread', () => {
  const folder = fs.mkdtempSync(path.join(process.env['CDCE_TEST_DIR'] ?? os.tmpdir(), 'writer-thread-'));

  it.each([items, entries])(
    'commits what saveAll commits, several rows per statement, the rest one by one ($name)',
    async (projection) => {
      const results = [];
      for (const thread of [false, true]) {
        const readModels = SqliteReadModelStore.open(path.join(folder, `${projection.name}-${thread}.sqlite`));
        prepared(readModels, projection);
        const writer = readModels.writerFor(projection);
        const docs = changes(projection);
        if (thread) {
          const rows: unknown[] = [];
          const deletes: unknown[] = [];
          docs.forEach((doc, id) => (doc ? writer.appendRow(rows, id, doc) : deletes.push(writer.keyValue(id))));
          const writes: TableWrites = {
            upsert: writer.upsertSql,
            arity: writer.arity,
            upsertMany: writer.upsertManySql,
            rowsPerStatement: writer.rowsPerStatement,
            rows,
            remove: writer.removeSql,
            deletes,
            checkpoint: ['7', 'now', projection.name],
          };
          const writerThread = readModels.startWriterThread()!;
          await writerThread.commit([writes]);
          await writerThread.close();
          expect(readModels.checkpoint(projection.name)!.position).toBe(7n);
        } else {
          readModels.db.transaction(() => writer.saveAll(docs))();
        }
        results.push(contentOf(readModels, projection));
        readModels.close();
      }
      expect(results[1]).toEqual(results[0]);
    },
  );
});
