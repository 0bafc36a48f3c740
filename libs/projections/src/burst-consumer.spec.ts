import { type CommandContext, InMemoryEventStore, type RecordedEvent } from '@cdce/eventsourcing';
import { BurstConsumer } from './burst-consumer';

const context: CommandContext = {
  actor: { id: 't', role: 'admin' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};
const append = (store: InMemoryEventStore, stream: string, count: number) =>
  store.appendToStream(
    stream,
    Array.from({ length: count }, (_, i) => ({ id: `${stream}-${i}`, type: 'Happened', data: { i } })),
    { expectedRevision: 'any', context },
  );
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('BurstConsumer', () => {
  it('hands a burst of appends to apply together, and caps a batch at its size', async () => {
    const store = new InMemoryEventStore();
    const batches: number[] = [];
    const subscription = store.subscribeToAll();
    const consumer = new BurstConsumer(
      subscription,
      4,
      (batch) => batches.push(batch.length),
      () => undefined,
    );
    const running = consumer.run();
    await append(store, 'a', 3);
    await settle();
    await append(store, 'b', 6);
    await settle();
    await subscription.close();
    await running;
    expect(batches).toEqual([3, 4, 2]);
  });

  it('stops at the first failing batch: the subscription is closed and nothing after it is applied', async () => {
    const store = new InMemoryEventStore();
    const applied: RecordedEvent[] = [];
    const errors: unknown[] = [];
    const subscription = store.subscribeToAll();
    const consumer = new BurstConsumer(
      subscription,
      100,
      (batch) => {
        if (batch.some((e) => e.streamId === 'poison')) throw new Error('cannot apply');
        applied.push(...batch);
      },
      (error) => errors.push(error),
    );
    const running = consumer.run();
    await append(store, 'ok', 2);
    await settle();
    await append(store, 'poison', 1);
    await settle();
    await append(store, 'later', 1);
    await running;
    expect(applied.map((e) => e.streamId)).toEqual(['ok', 'ok']);
    expect(errors).toEqual([new Error('cannot apply')]);
  });
});
