module.exports = { ...require('../../jest.preset'), displayName: 'devkit', rootDir: __dirname };
