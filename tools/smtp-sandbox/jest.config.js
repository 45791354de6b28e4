module.exports = { ...require('../../jest.preset'), displayName: 'smtp-sandbox', rootDir: __dirname };
