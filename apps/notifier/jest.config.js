module.exports = { ...require('../../jest.preset'), displayName: 'notifier', rootDir: __dirname };
