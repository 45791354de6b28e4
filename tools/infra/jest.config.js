// These tests start a real broker and an embedded PostgreSQL in child processes.
module.exports = { ...require('../../jest.preset'), displayName: 'infra', rootDir: __dirname, testTimeout: 180_000 };
