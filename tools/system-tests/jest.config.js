module.exports = { ...require('../../jest.preset'), displayName: 'system-tests', rootDir: __dirname, testTimeout: 120_000 };
