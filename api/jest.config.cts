/* Unit tests beside the code. NestJS 12 ships as ES modules only, so jest runs in ESM mode
   (node --experimental-vm-modules, see the `test` target) and ts-jest emits ESM. */
module.exports = {
  displayName: 'api',
  preset: '../jest.preset.js',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json', useESM: true }],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs'],
  // pdfkit's ES build imports fontkit's, which imports CommonJS packages by name: use its CommonJS build (as the bundled worker does).
  moduleNameMapper: { '^pdfkit$': '<rootDir>/../node_modules/pdfkit/js/pdfkit.js' },
  coverageDirectory: '../coverage/api',
};
