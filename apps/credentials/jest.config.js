module.exports = { ...require('../../jest.preset'), displayName: 'credentials', rootDir: __dirname };
