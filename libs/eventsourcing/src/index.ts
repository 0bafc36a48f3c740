export * from './event';
export * from './errors';
export * from './event-store.port';
export * from './decider';
export * from './handle-command';
export { eventIdFor } from './event-id';
export { canonicalJson } from './canonical-json';
export { GENESIS_HASH, eventHash, verifyHashChain } from './hash-chain';
export { assertValidStreamName, serialiseEventData } from './validation';
