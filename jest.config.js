// The whole suite: every app, library and tool that has a jest.config.js is one project.
// `npm test` (tools/test-runner/run-tests.js) runs it; one project alone:
// `npx jest -c libs/<name>/jest.config.js`.
const fs = require('node:fs');
const path = require('node:path');

function projectConfigs(group) {
  const groupDir = path.join(__dirname, group);
  if (!fs.existsSync(groupDir)) {
    return [];
  }
  return fs
    .readdirSync(groupDir)
    .sort()
    .map((name) => path.join(groupDir, name, 'jest.config.js'))
    .filter((configPath) => fs.existsSync(configPath));
}

module.exports = {
  projects: ['apps', 'libs', 'tools'].flatMap(projectConfigs),
  // Jest reads the timeout of a multi-project run from here: the longest any project needs
  // (starting a broker on a busy two-core machine).
  testTimeout: 180_000,
};
