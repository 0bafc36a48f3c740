/**
 * One jest run for the whole monorepo. Type checking is done once by `npm run typecheck`,
 * so ts-jest only transpiles (fast on 2 cores).
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/apps/web/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }] },
  moduleNameMapper: {
    '^@cdce/eventsourcing/testing$': '<rootDir>/libs/eventsourcing/src/testing/index.ts',
    '^@cdce/eventsourcing/kurrentdb$': '<rootDir>/libs/eventsourcing/src/adapters/kurrentdb/index.ts',
    '^@cdce/(.*)$': '<rootDir>/libs/$1/src/index.ts',
  },
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  testTimeout: 30000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
