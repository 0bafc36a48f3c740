export { deciderSpecification } from './decider-specification';
