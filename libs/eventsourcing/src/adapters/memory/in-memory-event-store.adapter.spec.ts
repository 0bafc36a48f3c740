import { describeEventStoreContract } from '../../testing/event-store.contract';
import { InMemoryEventStore } from './in-memory-event-store.adapter';

describeEventStoreContract('in memory', async () => new InMemoryEventStore(), {
  returnsRecorded: true,
  readsStreamsInOrder: true,
});
