/* Integration tests: real PostgreSQL and Redis. Each test file gets its own database,
   cloned from a template migrated once per run (test/global-setup.ts).
   ESM mode for the same reason as jest.config.cts. */
module.exports = {
  displayName: 'api-integration',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', useESM: true }],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs'],
  // pdfkit's ES build imports fontkit's, which imports CommonJS packages by name: use its CommonJS build (as the bundled worker does).
  moduleNameMapper: { '^pdfkit$': '<rootDir>/../node_modules/pdfkit/js/pdfkit.js' },
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
