// These tests start brokers and embedded PostgreSQL servers of their own.
module.exports = { ...require('../../jest.preset'), displayName: 'test-infrastructure', rootDir: __dirname, testTimeout: 180_000 };
