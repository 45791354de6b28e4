module.exports = { ...require('../../jest.preset'), displayName: 'zoom-fetcher', rootDir: __dirname };
