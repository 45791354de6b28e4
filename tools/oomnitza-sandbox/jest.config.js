module.exports = { ...require('../../jest.preset'), displayName: 'oomnitza-sandbox', rootDir: __dirname };
