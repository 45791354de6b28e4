module.exports = { ...require('../../jest.preset'), displayName: 'oomnitza-writer', rootDir: __dirname };
