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
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.spec.json' }],
    // content-disposition 3 (loaded by @fastify/static for the OpenAPI page) ships only as ES modules, which
    // Node 20 loads natively but jest's CommonJS runtime does not: compile that one package to CommonJS.
    '/node_modules/content-disposition/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
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
