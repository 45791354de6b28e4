// Shared by every project's jest.config.js: SWC keeps decorator metadata (NestJS DI needs it)
// and the workspace path aliases resolve to the libraries' sources.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        swcrc: false,
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  setupFiles: ['reflect-metadata'],
  // Integration tests join consumer groups and start processes: seconds, not milliseconds.
  testTimeout: 60_000,
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@zoom-oomnitza-sync/(contracts|credentials-client|messaging|platform|testing)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: path.join(__dirname, 'libs/testing/src/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'libs/testing/src/global-teardown.ts'),
};
