import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../event-store.port';
import { describeEventStoreContract } from '../../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store.adapter';

const folder = mkdtempSync(join(process.env['CDCE_TEST_DIR'] ?? tmpdir(), 'sqlite-contract-'));
let files = 0;
const paths = new WeakMap<EventStore, string>();

function open(path: string): EventStore {
  const store = SqliteEventStore.open({ path });
  paths.set(store, path);
  return store;
}

describeEventStoreContract('SQLite', async () => open(join(folder, `events-${++files}.sqlite`)), {
  returnsRecorded: true,
  readsStreamsInOrder: true,
  reopen: async (store) => {
    await store.close();
    return open(paths.get(store)!);
  },
});
