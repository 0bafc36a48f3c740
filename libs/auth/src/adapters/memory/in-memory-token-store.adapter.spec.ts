import { describeTokenStoreContract } from '../../testing/token-store.contract';
import { InMemoryTokenStore } from './in-memory-token-store.adapter';

describeTokenStoreContract('in memory', () => ({ store: new InMemoryTokenStore() }));
