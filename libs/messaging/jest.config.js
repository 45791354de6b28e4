// Integration tests start apps against a real broker and database: joining a consumer group and
// closing one take seconds, more than jest's default 5 s.
module.exports = { ...require('../../jest.preset'), displayName: 'messaging', rootDir: __dirname, testTimeout: 60_000 };
