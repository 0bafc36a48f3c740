/**
 * KurrentDB adapter of the event store, kept out of `@cdce/eventsourcing` on purpose: importing it loads gRPC and a
 * native module, so only load it when `EVENT_STORE=kurrentdb` (e.g. with a dynamic `import()`).
 */
export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store.adapter';
