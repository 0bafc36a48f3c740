import type { EventStore } from '@cdce/eventsourcing';
import { SqliteEventStore } from '@cdce/eventsourcing';
import type { Clock } from '../clock';
import type { EventStoreConfig } from '../config';

/** Opens the configured event store. The KurrentDB client (gRPC) is only loaded when it is the one configured. */
export async function openEventStore(config: EventStoreConfig, clock: Clock): Promise<EventStore> {
  if (config.kind === 'sqlite') {
    return SqliteEventStore.open({ path: config.path, clock: () => clock.now(), checkpointInBackground: true });
  }
  const { KurrentDbEventStore } = await import('@cdce/eventsourcing/kurrentdb');
  return KurrentDbEventStore.connect(config.url, { clock: () => clock.now() });
}
