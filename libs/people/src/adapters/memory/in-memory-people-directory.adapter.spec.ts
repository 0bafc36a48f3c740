import { describePeopleDirectoryContract } from '../../testing/people-directory.contract';
import { InMemoryPeopleDirectory } from './in-memory-people-directory.adapter';

describePeopleDirectoryContract('in memory', (clock) => ({ directory: new InMemoryPeopleDirectory(clock) }));
