module.exports = { ...require('../../jest.preset'), displayName: 'kafka-admin', rootDir: __dirname };
