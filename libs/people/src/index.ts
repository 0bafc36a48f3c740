export * from './domain/person';
export * from './domain/people.errors';
export { emailKey, validatePerson } from './domain/person.validation';
export type { Clock, PeopleDirectory, PeopleQuery } from './people-directory.port';
export { InMemoryPeopleDirectory } from './adapters/memory/in-memory-people-directory.adapter';
export { PeopleStoreUnavailableError, SqlitePeopleDirectory } from './adapters/sqlite/sqlite-people-directory.adapter';
export type { SqlitePeopleDirectoryOptions } from './adapters/sqlite/sqlite-people-directory.adapter';
