/**
 * The SQLite event store shared by several OS processes on one real file: racing writers, a subscriber killed and
 * restarted from its checkpoint, and writers killed in the middle of an append.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RecordedEvent, SqliteEventStore, verifyHashChain } from '@cdce/eventsourcing';
import { StoreChild } from './child-process';

jest.setTimeout(120_000);

const folder = mkdtempSync(join(process.env['CDCE_TEST_DIR'] ?? tmpdir(), 'sqlite-processes-'));
let files = 0;
const newFile = () => join(folder, `events-${++files}.sqlite`);
const context = { actor: { id: 'test', role: 'test' }, commandId: 'c', correlationId: 'c', causationId: 'c' };

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const items: RecordedEvent[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('SQLite event store shared by several processes', () => {
  it('lets exactly one of several racing writers win each revision, losing nothing and duplicating nothing', async () => {
    const file = newFile();
    await SqliteEventStore.open({ path: file }).close();
    const [writers, revisions] = [4, 40];
    const children = Array.from(
      { length: writers },
      (_, w) => new StoreChild('race', file, 'raced', String(revisions), `w${w}`),
    );
    await Promise.all(children.map((child) => child.waitFor((m) => 'ready' in m)));
    children.forEach((child) => child.send('go'));
    const results = (await Promise.all(
      children.map((child) => child.waitFor((m) => 'wins' in m)),
    )) as unknown as Array<{
      wins: Array<{ revision: number; id: string }>;
      losses: Array<{ revision: number; actual: string }>;
    }>;
    await Promise.all(children.map((child) => child.succeeded()));

    const wins = results.flatMap((r) => r.wins).sort((a, b) => a.revision - b.revision);
    const losses = results.flatMap((r) => r.losses);
    expect(wins.map((w) => w.revision)).toEqual(Array.from({ length: revisions }, (_, r) => r));
    expect(losses).toHaveLength(revisions * (writers - 1));
    // A loser is told the stream already reached the revision it tried to write.
    losses.forEach((loss) => expect(Number(loss.actual)).toBeGreaterThanOrEqual(loss.revision));

    const store = SqliteEventStore.open({ path: file });
    const stored = await store.readStream('raced');
    await store.close();
    expect(stored.map((e) => e.id)).toEqual(wins.map((w) => w.id));
    expect(stored.map((e) => Number(e.revision))).toEqual(wins.map((w) => w.revision));
    expect(() => verifyHashChain(stored)).not.toThrow();
    expect(new Set(stored.map((e) => e.position)).size).toBe(revisions);
  });

  it('delivers every event once and in order to a subscriber killed and restarted from its checkpoint', async () => {
    const file = newFile();
    const stateFile = join(folder, `subscriber-${files}.json`);
    const store = SqliteEventStore.open({ path: file });
    const appendMany = async (count: number) => {
      for (let i = 0; i < count; i++)
        await store.appendToStream(
          `sub-${i % 3}`,
          [{ id: `p-${Date.now()}-${Math.random()}`, type: 'Appended', data: { i } }],
          { expectedRevision: 'any', context },
        );
    };
    await appendMany(50);
    await store.appendToStream('noise', [{ id: 'noise-1', type: 'Noise', data: {} }], {
      expectedRevision: 'any',
      context,
    });

    const first = new StoreChild('subscribe', file, stateFile, 'sub-');
    await first.waitFor((m) => m['processed'] === 50);
    await appendMany(30); // live, from another process: picked up by the child's poll
    await first.waitFor((m) => Number(m['processed']) >= 55);
    await first.kill(); // possibly in the middle of the live events

    const appender = new StoreChild('append', file, 'sub-other', '20');
    await appender.succeeded();

    const second = new StoreChild('subscribe', file, stateFile, 'sub-');
    const resumed = await second.waitFor((m) => 'resumedAfter' in m);
    expect(Number(resumed['seen'])).toBeGreaterThanOrEqual(55);
    await second.waitFor((m) => m['processed'] === 100);
    await appendMany(10);
    await second.waitFor((m) => m['processed'] === 110);
    await second.kill();

    const expected = await collect(store.readAll({ filter: { streamPrefixes: ['sub-'] } }));
    await store.close();
    const state = JSON.parse(readFileSync(stateFile, 'utf8')) as { seen: Array<{ id: string; position: string }> };
    expect(expected).toHaveLength(110);
    expect(state.seen.map((s) => s.id)).toEqual(expected.map((e) => e.id));
    expect(state.seen.map((s) => BigInt(s.position))).toEqual(expected.map((e) => e.position));
  });

  it('keeps whole batches only when a writer is killed in the middle of appending', async () => {
    const file = newFile();
    const batchSize = 7;
    for (let round = 0; round < 3; round++) {
      const writer = new StoreChild('append-batches', file, String(batchSize));
      await writer.waitFor((m) => Number(m['batch']) >= 40 + round * 20);
      await writer.kill();
    }
    const store = SqliteEventStore.open({ path: file });
    let total = 0;
    for (let s = 0; s < 10; s++) {
      const stream = await store.readStream(`crash-${s}`);
      expect(stream.length % batchSize).toBe(0);
      for (let b = 0; b < stream.length; b += batchSize) {
        expect(stream.slice(b, b + batchSize).map((e) => (e.data as { index: number }).index)).toEqual([
          0, 1, 2, 3, 4, 5, 6,
        ]);
      }
      expect(() => verifyHashChain(stream)).not.toThrow();
      total += stream.length;
    }
    expect(total).toBeGreaterThanOrEqual(batchSize * 100);

    // The store goes on where the killed writers stopped: revisions, positions and the hash chain continue.
    const head = await store.headPosition();
    const before = await store.readStream('crash-0', { direction: 'backwards', maxCount: 1 });
    const result = await store.appendToStream('crash-0', [{ id: 'after-crash', type: 'Batched', data: {} }], {
      expectedRevision: before[0]!.revision,
      context,
    });
    expect(result.nextExpectedRevision).toBe(before[0]!.revision + 1n);
    expect(result.position).toBeGreaterThan(head);
    const continued = await store.readStream('crash-0');
    expect(() => verifyHashChain(continued)).not.toThrow();
    expect((await collect(store.readAll())).length).toBe(total + 1);
    await store.close();
  });
});
