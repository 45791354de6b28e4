// `npm run bench:sandboxes [-- --seconds 10]`: the hot paths of both sandboxes, each in a child
// process driven by autocannon, printed as one table.
import { markdownTable, option, readCommandLine } from '@zoom-oomnitza-sync/devkit';
import { BenchRow } from './bench-row';
import { benchOomnitzaSandbox } from './oomnitza';
import { benchZoomSandbox } from './zoom';

const BENCH_COMMAND = {
  usage: 'npm run bench:sandboxes -- [options]',
  options: {
    seconds: option.number({ min: 1, max: 300, default: 10, help: 'measured seconds of each scenario' }),
  },
};

async function main(): Promise<void> {
  const { seconds } = readCommandLine(BENCH_COMMAND);
  const rows: BenchRow[] = [
    ...(await benchZoomSandbox({ seconds })),
    ...(await benchOomnitzaSandbox({ seconds })).map((row) => ({ ...row, scenario: `oomnitza: ${row.scenario}` })),
  ];
  console.log(`bench/sandboxes (${seconds} s a scenario, each sandbox in its own process)`);
  console.log(
    markdownTable(
      ['scenario', 'requests', 'seconds', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
      rows.map((row) => [
        row.scenario,
        String(row.requests),
        row.seconds.toFixed(1),
        Math.round(row.requestsPerSecond).toString(),
        String(row.p50Ms),
        String(row.p99Ms),
        String(row.errors),
      ]),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
