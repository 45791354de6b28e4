// Shared by every project's jest.config.js: SWC keeps decorator metadata (NestJS DI needs it)
// and the workspace path aliases of tsconfig.base.json, their one source, resolve to sources.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const aliasMappings = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${escapeRegExp(alias)}$`, path.join(__dirname, target)]),
);

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
  moduleNameMapper: aliasMappings,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  globalSetup: path.join(__dirname, 'tools/test-infrastructure/src/global-setup.ts'),
  globalTeardown: path.join(__dirname, 'tools/test-infrastructure/src/global-teardown.ts'),
};
