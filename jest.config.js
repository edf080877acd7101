/**
 * Two projects: `unit` (pure domain and library code, no I/O) and `integration` (real Postgres, NATS and
 * the four services as separate processes). NestJS 12 ships ES modules only, which Node 20 loads through
 * require(esm) but jest's CommonJS runtime does not: tests therefore never import NestJS; they exercise the
 * framework-free cores directly and the services over HTTP and NATS.
 */
const moduleNameMapper = {
  '^@korgoo/(config|contracts|messaging|platform)$': '<rootDir>/libs/$1/src',
  '^@korgoo/platform/core$': '<rootDir>/libs/platform/src/core',
};
const common = {
  rootDir: __dirname,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  // Per-file transpiling (isolatedModules) keeps jest fast; `npm run typecheck` does the type checking.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleNameMapper,
  // Contract classes carry class-transformer decorators, which need the metadata polyfill.
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Integration suites start real processes; a generous ceiling, not a speed target.
  testTimeout: 120000,
  // In CI a run that leaves a handle open still ends, with jest's warning naming it, instead of waiting out
  // the CI's time limit with every result already printed.
  forceExit: process.env.CI === 'true',
  testSequencer: '<rootDir>/test/support/reporting-first-sequencer.js',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,tools}/**/*.spec.ts', '<rootDir>/bench/**/*.spec.ts', '<rootDir>/deploy/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
