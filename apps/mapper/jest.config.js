module.exports = { ...require('../../jest.preset'), displayName: 'mapper', rootDir: __dirname };
