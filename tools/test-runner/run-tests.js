#!/usr/bin/env node
// `npm test`: runs every jest project (unit and integration) through the root jest.config.js and
// ends with one summary line, "Tests: N passed, N failed, N skipped". The jest global setup
// (libs/testing) provides Kafka and PostgreSQL, honouring KAFKA_BROKERS and DATABASE_URL.
// Extra arguments go to jest, e.g. `npm test -- libs/testing` or `npm test -- -t outbox`.
// Workers default to 2: the machines have two cores and the broker needs CPU as well.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const extraArgs = process.argv.slice(2);
const resultsFile = path.join(os.tmpdir(), `zos-jest-results-${process.pid}.json`);

const choosesWorkers = extraArgs.some((arg) => /^(--maxWorkers|-w|--runInBand|-i$)/.test(arg));
const jestArgs = [
  require.resolve('jest/bin/jest', { paths: [root] }),
  '--config',
  path.join(root, 'jest.config.js'),
  ...(choosesWorkers ? [] : ['--maxWorkers=2']),
  // In CI a handle leaked by one test must fail loudly in its output, not hang the run.
  ...(process.env.CI ? ['--forceExit'] : []),
  '--json',
  `--outputFile=${resultsFile}`,
  ...extraArgs,
];

function readResults() {
  try {
    return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  } finally {
    fs.rmSync(resultsFile, { force: true });
  }
}

function summarise(exitCode) {
  const results = readResults();
  if (!results) {
    console.log(`Tests: 0 passed, 1 failed (jest exited with ${exitCode} before reporting results)`);
    return exitCode === 0 ? 1 : exitCode;
  }
  // Suites that could not run (syntax errors, failing hooks) have no test results of their own.
  const brokenSuites = results.numRuntimeErrorTestSuites ?? 0;
  const failed = results.numFailedTests + brokenSuites;
  const skipped = results.numPendingTests + results.numTodoTests;
  console.log(
    `Test suites: ${results.numPassedTestSuites} passed, ${results.numFailedTestSuites} failed, ${results.numTotalTestSuites} total`,
  );
  console.log(`Tests: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  if (exitCode === 0 && (failed > 0 || results.numTotalTests === 0)) {
    return 1;
  }
  return exitCode;
}

const jest = spawn(process.execPath, jestArgs, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => jest.kill(signal));
}
jest.on('exit', (code, signal) => {
  process.exit(summarise(code ?? (signal ? 1 : 0)));
});
