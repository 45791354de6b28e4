// Starting a broker takes a JVM start plus a group join: allow for it on a busy two-core machine.
module.exports = { ...require('../../jest.preset'), displayName: 'kafka', rootDir: __dirname, testTimeout: 180_000 };
