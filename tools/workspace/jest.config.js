// Lints and builds in child processes: ESLint's flat config and nx's project graph load outside jest's sandbox.
module.exports = { ...require('../../jest.preset'), displayName: 'workspace', rootDir: __dirname, testTimeout: 120_000 };
