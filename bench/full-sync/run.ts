// `npm run bench:full-sync [-- --users 100000]`: full syncs of a large Zoom account through the
// whole platform, once without a Zoom rate limit, once under the Business plan's limits, once
// without a limit again with ten transformed fields and two filters, and a dry run of the account
// after a full sync. It prints users/s end to end, when each stage finished, the mapper's CPU time
// per user (the mapping's cost against the standard mapping) and each service's peak RSS (for the
// dry run, its own: the peaks are reset after the full sync before it), and the mapping's own cost
// measured in process, standard against ten transformed fields and two filters.
import 'reflect-metadata';
import { LocalStack, runSync, RunView, startLocalStack } from '@zoom-oomnitza-sync/local-platform';
import { Plan } from '@zoom-oomnitza-sync/zoom-sandbox';
import { cpuSeconds, markdownTable, option, peakRssMiB, readCommandLine, resetPeakRss } from '@zoom-oomnitza-sync/devkit';
import { useTenTransformedFields } from './custom-mapping';
import { measureMappingAlone } from './mapping-alone';

interface Scenario {
  /** What --scenario names it by. */
  key: string;
  name: string;
  plan: Plan;
  /** The fetcher's pace: far above any limit, or under Business's 60 list requests/s. */
  requestsPerSecond: number;
  /** Changes the integration's mapping before the run; the standard mapping otherwise. */
  mapping?: (stack: LocalStack) => Promise<void>;
  /** dry_run: the measured run compares with Oomnitza, after a full sync filled it. */
  mode?: RunView['mode'];
}

const SCENARIOS: Scenario[] = [
  { key: 'standard', name: 'no Zoom rate limit', plan: 'unlimited', requestsPerSecond: 1000 },
  { key: 'business', name: 'Zoom Business plan limits', plan: 'business', requestsPerSecond: 50 },
  {
    key: 'custom-mapping',
    name: 'ten transformed fields, two filters',
    plan: 'unlimited',
    requestsPerSecond: 1000,
    mapping: useTenTransformedFields,
  },
  { key: 'dry-run', name: 'dry run after a full sync', plan: 'unlimited', requestsPerSecond: 1000, mode: 'dry_run' },
];
const SCENARIO_KEYS = SCENARIOS.map((scenario) => scenario.key);

const log = (message: string) => process.stderr.write(`${message}\n`);
/** Users the in-process mapping measurement maps: enough for steady figures, few enough to hold in memory twice. */
const MAPPING_ALONE_USERS = 50_000;

const BENCH_COMMAND = {
  usage: 'npm run bench:full-sync -- [options]',
  options: {
    users: option.integer({ min: 1, default: 100_000, help: 'users in the Zoom account, synced in each scenario' }),
    scenario: option.repeatable({
      valueName: `<${SCENARIO_KEYS.join('|')}>`,
      help: 'run only this scenario; repeat the flag for more (default: all, in this order)',
      accepts: `one of ${SCENARIO_KEYS.join(', ')}`,
      convert: (text: string) => (SCENARIO_KEYS.includes(text) ? text : undefined),
    }),
  },
};

async function measure(scenario: Scenario, users: number) {
  const stack = await startLocalStack({
    users,
    plan: scenario.plan,
    serviceSettings: { ZOOM_REQUESTS_PER_SECOND: String(scenario.requestsPerSecond) },
    log,
    stopOnSignals: true,
  });
  try {
    await scenario.mapping?.(stack);
    if (scenario.mode === 'dry_run') {
      log('  the full sync the dry run compares with');
      await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId, { timeoutMs: 3_600_000 });
      stack.services.forEach((service) => resetPeakRss(service.pid));
    }
    const mapperCpuBefore = cpuSeconds(stack.services.get('mapper')?.pid) ?? 0;
    const started = Date.now();
    const doneAt: Record<'fetch' | 'map' | 'write', number | undefined> = { fetch: undefined, map: undefined, write: undefined };
    const at = () => (Date.now() - started) / 1000;
    let lastLog = 0;
    const run: RunView = await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId, {
      timeoutMs: 3_600_000,
      mode: scenario.mode,
      onProgress: (current) => {
        const written = current.created + current.updated + current.unchanged + current.skipped + current.failed;
        if (doneAt.fetch === undefined && current.fetched >= users) {
          doneAt.fetch = at();
        }
        if (doneAt.map === undefined && current.mapped + current.rejected >= users) {
          doneAt.map = at();
        }
        if (current.status === 'completed') {
          doneAt.write = at();
        }
        if (Date.now() - lastLog > 5000) {
          lastLog = Date.now();
          log(`  ${at().toFixed(0)} s: fetched ${current.fetched}, mapped ${current.mapped}, written ${written}`);
        }
      },
    });
    if (run.status !== 'completed') {
      throw new Error(`${scenario.name}: the run failed: ${run.failureReason}`);
    }
    const seconds = at();
    const rss = [...stack.services].map(([name, service]) => [name, peakRssMiB(service.pid)] as const);
    const mapperCpuSeconds = (cpuSeconds(stack.services.get('mapper')?.pid) ?? Number.NaN) - mapperCpuBefore;
    return { scenario, run, seconds, doneAt, rss, mapperCpuMsPerUser: (mapperCpuSeconds * 1000) / run.fetched };
  } finally {
    await stack.stop();
  }
}

async function main(): Promise<void> {
  const { users, scenario: chosen } = readCommandLine(BENCH_COMMAND);
  const results = [];
  for (const scenario of SCENARIOS.filter((candidate) => chosen.length === 0 || chosen.includes(candidate.key))) {
    log(`bench/full-sync: ${scenario.name}, ${users} users`);
    results.push(await measure(scenario, users));
  }
  const seconds = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(1));
  console.log(`bench/full-sync (${users} Zoom users, all six services and both sandboxes on this machine)`);
  console.log(
    markdownTable(
      ['scenario', 'users synced', 'seconds', 'users/s', 'fetch done s', 'map done s', 'write done s'],
      results.map(({ scenario, run, seconds: total, doneAt }) => {
        const synced = run.created + run.updated + run.unchanged + run.skipped + run.failed;
        return [
          scenario.name,
          String(synced),
          total.toFixed(1),
          Math.round(synced / total).toString(),
          seconds(doneAt.fetch),
          seconds(doneAt.map),
          seconds(doneAt.write),
        ];
      }),
    ),
  );
  const standard = results[0].mapperCpuMsPerUser;
  console.log(
    '\nthe mapper: CPU time per fetched user (user + system: mapping, validation, the database and Kafka), against the standard mapping without a rate limit',
  );
  console.log(
    markdownTable(
      ['scenario', 'filtered', 'mapper CPU ms per user', 'against the standard mapping'],
      results.map(({ scenario, run, mapperCpuMsPerUser }) => [
        scenario.name,
        String(run.filtered),
        mapperCpuMsPerUser.toFixed(3),
        `${mapperCpuMsPerUser >= standard ? '+' : ''}${(((mapperCpuMsPerUser - standard) / standard) * 100).toFixed(1)} %`,
      ]),
    ),
  );
  const alone = await measureMappingAlone(Math.min(users, MAPPING_ALONE_USERS));
  const [standardAlone] = alone;
  console.log(
    `\nthe mapping alone, in this process (${Math.min(users, MAPPING_ALONE_USERS)} Zoom users, CPU per user, median of 5 rounds; the record serialized as the mapper hands it on)`,
  );
  console.log(
    markdownTable(
      ['mapping', 'µs per user', 'record bytes', 'against the standard mapping'],
      alone.map(({ name, microsecondsPerUser, recordBytes }) => [
        name,
        microsecondsPerUser.toFixed(1),
        recordBytes.toFixed(0),
        `${microsecondsPerUser >= standardAlone.microsecondsPerUser ? '+' : ''}${(microsecondsPerUser - standardAlone.microsecondsPerUser).toFixed(1)} µs` +
          ` (${((microsecondsPerUser - standardAlone.microsecondsPerUser) / (standard * 10)).toFixed(1)} % of the mapper's CPU per user)`,
      ]),
    ),
  );
  console.log('\npeak RSS per service, MiB');
  console.log(
    markdownTable(
      ['scenario', ...results[0].rss.map(([name]) => name)],
      results.map(({ scenario, rss }) => [scenario.name, ...rss.map(([, mib]) => (mib === undefined ? '-' : String(mib)))]),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
