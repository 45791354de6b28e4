module.exports = { ...require('../../jest.preset'), displayName: 'zoom-sandbox', rootDir: __dirname };
