/**
 * Architecture rules checked in CI (`npm run depcheck`):
 * - domain code is pure: no framework, no adapter, no I/O;
 * - libs never import apps; apps do not import each other;
 * - libs import other libs through their public entry point only (the @cdce/<lib> alias → libs/<lib>/src/index.ts);
 * - no cycles.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make modules impossible to understand or test alone.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Domain code must not depend on NestJS, adapters, infrastructure or node I/O.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: {
        path: [
          '^node_modules/@nestjs/',
          '^node_modules/(better-sqlite3|bullmq|ioredis|nodemailer|@kurrent|fastify)',
          '/adapters/',
          '/infrastructure/',
          '/application/',
          '^apps/',
        ],
      },
    },
    {
      name: 'domain-no-io-builtins',
      severity: 'error',
      comment: 'Deciders never read the clock, the disk or the network.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { dependencyTypes: ['core'], path: '^(fs|net|http|https|child_process|worker_threads|dgram|fs/promises)$' },
    },
    {
      name: 'kernel-is-framework-free',
      severity: 'error',
      from: { path: '^libs/eventsourcing/src/', pathNot: '/adapters/' },
      to: { path: ['^node_modules/@nestjs/', '^node_modules/(better-sqlite3|@kurrent)'] },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-are-independent',
      severity: 'error',
      comment: 'Shared code belongs in a lib.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-through-public-entry',
      severity: 'error',
      comment: 'Import another lib through @cdce/<lib> (its index.ts), never its internals.',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/',
        pathNot: [
          '^libs/$1/',
          '^libs/[^/]+/src/index\\.ts$',
          '^libs/[^/]+/src/testing/index\\.ts$',
          // The KurrentDB adapter has its own entry point so that its gRPC client loads only when configured.
          '^libs/eventsourcing/src/adapters/kurrentdb/index\\.ts$',
        ],
      },
    },
    {
      name: 'apps-use-lib-entry',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/', pathNot: ['^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/testing/index\\.ts$', '^libs/eventsourcing/src/adapters/kurrentdb/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^apps/web/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
