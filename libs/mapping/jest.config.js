module.exports = { ...require('../../jest.preset'), displayName: 'mapping', rootDir: __dirname };
