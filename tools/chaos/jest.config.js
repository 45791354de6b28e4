module.exports = { ...require('../../jest.preset'), displayName: 'chaos', rootDir: __dirname };
