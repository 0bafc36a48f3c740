export * from './projection';
export * from './projector';
export * from './sqlite-read-model.store';
export * from './rebuild-projections';
export { BurstConsumer } from './burst-consumer';
