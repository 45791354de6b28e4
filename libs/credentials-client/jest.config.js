module.exports = { ...require('../../jest.preset'), displayName: 'credentials-client', rootDir: __dirname };
