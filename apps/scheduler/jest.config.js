module.exports = { ...require('../../jest.preset'), displayName: 'scheduler', rootDir: __dirname };
