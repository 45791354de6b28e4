module.exports = { ...require('../../jest.preset'), displayName: 'outbound-http', rootDir: __dirname };
