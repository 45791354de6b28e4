// `npm run chaos [-- --users 20000]`: a full sync through the whole platform while every service is
// SIGKILLed once (a replica of mapper and writer each) and the Kafka broker crashes once, with both
// sandboxes injecting their own faults. Prints the faults as they struck and whether Oomnitza
// ends holding every Zoom user exactly once; exits 1 when it does not.
import 'reflect-metadata';
import { option, readCommandLine } from '@zoom-oomnitza-sync/devkit';
import { chaosPassed, formatChaosReport } from './chaos-report';
import { runChaos } from './chaos-run';
import { DEFAULT_FAULTS } from './faults';

const CHAOS_COMMAND = {
  usage: 'npm run chaos -- [options]',
  options: {
    users: option.integer({ min: 100, default: 20_000, help: 'users in the Zoom account' }),
    'page-size': option.integer({ min: 1, max: 300, default: 100, help: "the fetcher's Zoom page size" }),
    'zoom-rps': option.integer({ min: 1, default: 2, help: "the fetcher's Zoom requests per second: the run must outlast the faults" }),
    'fetch-lease-seconds': option.integer({
      min: 5,
      default: 60,
      help: "FETCH_LEASE_SECONDS: how long a killed fetcher holds up its sync (60 is the product's default)",
    }),
    'gap-ms': option.integer({ min: 0, default: 1_000, help: 'pause after each recovery before the next fault' }),
  },
};

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<void> {
  const values = readCommandLine(CHAOS_COMMAND);
  const report = await runChaos({
    users: values.users,
    faults: DEFAULT_FAULTS,
    zoomPageSize: values['page-size'],
    zoomRequestsPerSecond: values['zoom-rps'],
    fetchLeaseSeconds: values['fetch-lease-seconds'],
    gapMs: values['gap-ms'],
    timeoutMs: 3_600_000,
    log,
  });
  process.stdout.write(`${formatChaosReport(report)}\n`);
  process.exitCode = chaosPassed(report) ? 0 : 1;
}

main().catch((error: unknown) => {
  log(`chaos: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
