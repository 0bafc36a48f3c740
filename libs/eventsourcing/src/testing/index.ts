export { deciderSpecification } from './decider-specification';
export { describeEventStoreContract, type EventStoreContractOptions } from './event-store.contract';
export { eventually } from './eventually';
