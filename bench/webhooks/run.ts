// `npm run bench:webhooks [-- --users 1000 --rate 100 --seconds 60 --full-sync-users 20000]`:
// Zoom webhooks through the whole platform. The users are synced first; then the Zoom sandbox
// changes them at --rate events/s for --seconds (updates, deactivations and activations, e-mail
// changes, deletions), once alone and once while another integration runs a full sync of
// --full-sync-users users. It prints the latency from the Zoom sandbox's dispatch to the Oomnitza
// sandbox's write, the events whose change never reached Oomnitza, the user reads made of Zoom,
// each service's CPU time per event and its peak RSS. The first --warm-up seconds of events,
// while the services just started warm up, are reported as a row of their own.
import 'reflect-metadata';
import {
  cpuSeconds,
  cpuSecondsBetween,
  cpuSecondsOfProcesses,
  machineCpuSeconds,
  markdownTable,
  option,
  peakRssMiB,
  percentile,
  readCommandLine,
} from '@zoom-oomnitza-sync/devkit';
import {
  LocalStack,
  request,
  runSync,
  RunView,
  sampleOf,
  setUpZoomSync,
  startLocalStack,
  subscribeLocalStack,
} from '@zoom-oomnitza-sync/local-platform';
import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { cpus } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EventLoad } from './event-load';
import { ArrivalTracker } from './arrivals';
import { lostEvents } from './outcome';
import { queriesPerEvent, readQueries } from './queries';
import { scrapeServices, ServiceMetrics } from './service-metrics';
import { readStages, STAGE_NAMES, stageMeansMs } from './stages';

const BENCH_COMMAND = {
  usage: 'npm run bench:webhooks -- [options]',
  options: {
    users: option.integer({ min: 20, default: 1000, help: 'Zoom users synced first, then changed through webhooks' }),
    rate: option.integer({ min: 1, max: 1000, default: 100, help: 'webhook events per second' }),
    seconds: option.integer({ min: 1, default: 60, help: 'how long events are sent in each scenario' }),
    'warm-up': option.integer({
      min: 0,
      default: 15,
      help: 'seconds of events sent first, while the services just started warm up, reported as a row of their own',
    }),
    'full-sync-users': option.integer({
      min: 1,
      default: 20_000,
      help: "users of the other integration's full sync in the second scenario",
    }),
    'read-concurrency': option.integer({ min: 1, default: 8, help: "the zoom-fetcher's ZOOM_USER_READ_CONCURRENCY" }),
    'cpu-profile-dir': option.string({
      valueName: 'DIR',
      help: 'each service writes a V8 CPU profile (.cpuprofile, for Chrome DevTools or speedscope) into this directory as the bench ends',
    }),
  },
};

/** How long the changes sent may take to arrive once sending stopped, and how long without any arriving means none will. */
const DRAIN_TIMEOUT_MS = 300_000;
const STALL_MS = 30_000;
const SAMPLE_INTERVAL_MS = 200;

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Seconds the fetcher's outbox relay held cycles back while deliveries arrived, by reason. */
interface RelayHeld {
  linger: number;
  busyLoop: number;
}

function heldBetween(before: RelayHeld, after: RelayHeld): RelayHeld {
  return { linger: after.linger - before.linger, busyLoop: after.busyLoop - before.busyLoop };
}

/** From the fetcher's metrics in a scrape: user reads made, and how long its outbox relay held cycles back. */
function fetcherCounts(metrics: ServiceMetrics): { reads: number; relayHeld: RelayHeld } {
  const text = metrics.get('zoom-fetcher')!;
  const held = (reason: string) => sampleOf(text, 'zoom_outbox_relay_webhook_wait_seconds_total', { reason });
  return {
    reads: sampleOf(text, 'zoom_user_reads_total', { outcome: 'made' }),
    relayHeld: { linger: held('linger'), busyLoop: held('busy_loop') },
  };
}

/**
 * Deliveries the zoom-fetcher did not answer within Zoom's 3 s (the sandbox gave up on them, as
 * Zoom does; Zoom would send them again 5 minutes later, after the bench has ended).
 */
function deliveriesTimedOut(stack: LocalStack, since: number): number {
  return stack.zoom
    .state({ users: false })
    .accounts.flatMap((account) => account.deliveries ?? [])
    .filter((delivery) => delivery.eventTs >= since && delivery.attempts.some((attempt) => attempt.outcome === 'timeout')).length;
}

/** The load deletes and deactivates far more than the mass-removal breaker lets through unapproved: measure, do not hold. */
async function allowAllRemovals(stack: LocalStack): Promise<void> {
  const updated = await request(`${stack.scheduler.baseUrl}/integrations/${stack.setup.integrationId}`, {
    method: 'PATCH',
    key: stack.setup.schedulerKey,
    body: { removalThresholdPercent: 100 },
  });
  if (updated.status !== 200) {
    throw new Error(`could not turn the mass-removal breaker off: ${updated.status} ${JSON.stringify(updated.body)}`);
  }
}

/** The bench process itself: both sandboxes and the load. */
const BENCH_PROCESS = 'bench (sandboxes, load)';

/** Every backend of the machine's PostgreSQL and every Kafka broker: the stack's, and whatever else uses them meanwhile. */
const SHARED_SERVERS = [
  ['PostgreSQL', /^postgres/],
  ['Kafka', /kafka\.Kafka/],
] as const;

/** CPU seconds used so far by each service and the bench process, and by the servers' processes (by pid). */
function cpuUsed(stack: LocalStack) {
  const own = process.cpuUsage();
  return {
    processes: new Map([
      ...[...stack.services].map(([service, running]) => [service, cpuSeconds(running.pid)] as const),
      [BENCH_PROCESS, (own.user + own.system) / 1e6],
    ]),
    servers: SHARED_SERVERS.map(([name, commandLine]) => [name, cpuSecondsOfProcesses(commandLine)] as const),
  };
}

/** How many of the machine's cores were busy on average between two readings of machineCpuSeconds. */
function coresBusy(before: { busy: number; total: number }, after: { busy: number; total: number }): number {
  const total = after.total - before.total;
  return total > 0 ? ((after.busy - before.busy) / total) * cpus().length : 0;
}

/** Milliseconds of CPU per event each process, and each server's processes, spent between two readings. */
function cpuPerEvent(before: ReturnType<typeof cpuUsed>, after: ReturnType<typeof cpuUsed>, events: number) {
  const processes = [...after.processes].map(([name, seconds]) => {
    const earlier = before.processes.get(name);
    return [name, seconds === undefined || earlier === undefined ? undefined : ((seconds - earlier) * 1000) / events] as const;
  });
  const servers = after.servers.map(
    ([name, used], index) => [name, (cpuSecondsBetween(before.servers[index][1], used) * 1000) / events] as const,
  );
  return [...processes, ...servers];
}

async function scenario(name: string, stack: LocalStack, load: EventLoad, rate: number, seconds: number) {
  const cpuBefore = cpuUsed(stack);
  const machineBefore = machineCpuSeconds();
  // The sandboxes live in this process: a late timer here is a delivery judged late that was not.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const arrivals = new ArrivalTracker(stack.oomnitza, stack.setup.fieldTargets);
  const sampler = setInterval(() => arrivals.sample(), SAMPLE_INTERVAL_MS);
  const metricsBefore = await scrapeServices(stack);
  const first = load.sent.length;
  const started = Date.now();
  const progress = (what: string) =>
    log(
      `  ${name}: ${what}, ${load.sent.length - first} events sent, ${arrivals.latenciesMs.length} seen in Oomnitza, ${arrivals.outstanding} on the way`,
    );
  let lastLog = started;
  while (Date.now() - started < seconds * 1000) {
    const due = Math.floor(((Date.now() - started) * rate) / 1000);
    while (load.sent.length - first < due) {
      arrivals.track(load.send());
    }
    if (Date.now() - lastLog >= 5000) {
      lastLog = Date.now();
      progress(`${((lastLog - started) / 1000).toFixed(0)} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  // While sending only: the drain's idle tail (waiting out a stall) would hide a saturated machine.
  const coresBusyWhileSending = coresBusy(machineBefore, machineCpuSeconds());
  const drainStarted = Date.now();
  let lastArrival = { count: arrivals.latenciesMs.length, at: drainStarted };
  while (arrivals.outstanding > 0 && Date.now() - lastArrival.at < STALL_MS && Date.now() - drainStarted < DRAIN_TIMEOUT_MS) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (arrivals.latenciesMs.length > lastArrival.count) {
      lastArrival = { count: arrivals.latenciesMs.length, at: Date.now() };
    }
    if (Date.now() - lastLog >= 5000) {
      lastLog = Date.now();
      progress(`sending stopped ${((lastLog - drainStarted) / 1000).toFixed(0)} s ago`);
    }
  }
  clearInterval(sampler);
  loopDelay.disable();
  arrivals.sample();
  const metricsAfter = await scrapeServices(stack);
  const [fetcherBefore, fetcherAfter] = [fetcherCounts(metricsBefore), fetcherCounts(metricsAfter)];
  return {
    name,
    events: load.sent.length - first,
    cpuMsPerEvent: cpuPerEvent(cpuBefore, cpuUsed(stack), load.sent.length - first),
    coresBusy: coresBusyWhileSending,
    benchLoopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    latencies: [...arrivals.latenciesMs].sort((a, b) => a - b),
    latenciesByKind: [...arrivals.latenciesMsByKind].map(([kind, values]) => [kind, values.sort((a, b) => a - b)] as const),
    overtaken: arrivals.overtaken,
    neverSeen: arrivals.outstandingByKind(),
    reads: fetcherAfter.reads - fetcherBefore.reads,
    relayHeld: heldBetween(fetcherBefore.relayHeld, fetcherAfter.relayHeld),
    stageMeansMs: stageMeansMs(readStages(metricsBefore), readStages(metricsAfter)),
    queriesPerEvent: queriesPerEvent(readQueries(metricsBefore), readQueries(metricsAfter), load.sent.length - first),
    timedOut: deliveriesTimedOut(stack, started),
  };
}

async function main(): Promise<void> {
  const options = readCommandLine(BENCH_COMMAND);
  const profileDir = options['cpu-profile-dir'] && path.resolve(options['cpu-profile-dir']);
  const stack = await startLocalStack({
    users: options.users,
    plan: 'business',
    spareZoomAccounts: [options['full-sync-users']],
    // Business plan: Medium (list users) 60/s and Light (get user) 80/s per account; pace a little under both.
    serviceSettings: {
      ZOOM_REQUESTS_PER_SECOND: '50',
      ZOOM_USER_READS_PER_SECOND: '70',
      ZOOM_USER_READ_CONCURRENCY: String(options['read-concurrency']),
    },
    log,
    stopOnSignals: true,
    cpuProfileDir: profileDir,
  });
  let fullSyncOomnitza: OomnitzaSandbox | undefined;
  try {
    const first = await runSync(stack.scheduler, stack.setup.schedulerKey, stack.setup.integrationId, { timeoutMs: 600_000 });
    log(`bench/webhooks: ${first.created} users synced to Oomnitza first`);
    await allowAllRemovals(stack);
    await subscribeLocalStack(stack);
    const synced = new Set((stack.oomnitza.state.export().people as { email: string }[]).map((person) => person.email.toLowerCase()));
    const owner = stack.zoom.population.users()[0];
    const changed = stack.zoom.population.users().filter((user) => user.id !== owner.id && synced.has(user.email.toLowerCase()));
    const load = new EventLoad(
      stack.zoom.admin,
      changed.map((user) => user.id),
    );

    const peakRss = () => [...stack.services].map(([service, process]) => [service, peakRssMiB(process.pid)] as const);
    const warmUp =
      options['warm-up'] > 0 ? [await scenario('warm-up (services just started)', stack, load, options.rate, options['warm-up'])] : [];
    const rssWarmUp = warmUp.map(peakRss);
    const alone = await scenario('webhooks alone', stack, load, options.rate, options.seconds);
    const rssAlone = peakRss();

    fullSyncOomnitza = await createOomnitzaSandbox();
    const [, fullSyncAccount] = stack.zoom.accounts;
    const fullSync = await setUpZoomSync({
      tenantId: 'full-sync',
      adminKey: stack.deployment.adminKey,
      credentials: stack.services.get('credentials')!,
      scheduler: stack.scheduler,
      zoom: {
        accountId: fullSyncAccount.accountId,
        clientId: fullSyncAccount.apps[0].clientId,
        clientSecret: fullSyncAccount.apps[0].clientSecret,
      },
      oomnitza: { url: fullSyncOomnitza.url, token: fullSyncOomnitza.token, adminKey: fullSyncOomnitza.adminKey },
      oomnitzaRoleId: 25,
    });
    const syncStarted = Date.now();
    let syncSeconds: number | undefined;
    const run = runSync(stack.scheduler, fullSync.schedulerKey, fullSync.integrationId, { timeoutMs: 3_600_000 }).then(
      (finished: RunView) => {
        syncSeconds = (Date.now() - syncStarted) / 1000;
        return finished;
      },
    );
    const during = await scenario(`during a ${options['full-sync-users']}-user full sync`, stack, load, options.rate, options.seconds);
    const finished = await run;
    if (finished.status !== 'completed') {
      throw new Error(`the full sync failed: ${finished.failureReason}`);
    }
    const rssDuring = peakRss();

    const lost = lostEvents(stack, load);
    report(options, [...warmUp, alone, during], lost, syncSeconds ?? 0, finished, [...rssWarmUp, rssAlone, rssDuring]);
  } finally {
    await stack.stop();
    await fullSyncOomnitza?.close();
  }
  if (profileDir) {
    log(`bench/webhooks: the services' CPU profiles are in ${profileDir}`);
  }
}

function report(
  options: { users: number; rate: number; seconds: number },
  results: Awaited<ReturnType<typeof scenario>>[],
  lost: ReturnType<typeof lostEvents>,
  syncSeconds: number,
  fullSync: RunView,
  rss: (readonly (readonly [string, number | undefined])[])[],
): void {
  const ms = (values: number[], fraction: number) => (values.length === 0 ? '-' : String(Math.round(percentile(values, fraction))));
  console.log(
    `bench/webhooks (${options.users} Zoom users, ${options.rate} events/s for ${options.seconds} s per scenario, all six services and both sandboxes on this machine)`,
  );
  console.log(
    markdownTable(
      [
        'scenario',
        'events',
        'seen',
        'overtaken',
        'never seen',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'GET /users/{id}',
        'relay held, s: linger / busy loop',
        'answered after 3 s',
        "bench's event loop delay p99 / max ms",
      ],
      results.map((result) => [
        result.name,
        String(result.events),
        String(result.latencies.length),
        String(result.overtaken),
        [...result.neverSeen].map(([kind, count]) => `${count} ${kind}`).join(', ') || '0',
        ms(result.latencies, 0.5),
        ms(result.latencies, 0.95),
        ms(result.latencies, 0.99),
        ms(result.latencies, 1),
        String(result.reads),
        `${result.relayHeld.linger.toFixed(1)} / ${result.relayHeld.busyLoop.toFixed(1)}`,
        String(result.timedOut),
        `${Math.round(result.benchLoopDelayMs.p99)} / ${Math.round(result.benchLoopDelayMs.max)}`,
      ]),
    ),
  );
  console.log(
    '\nlatency by kind of change, p50 / p99 ms (activations and invitations wait for a read of the user from Zoom; the others carry what they change)',
  );
  const kinds = [...new Set(results.flatMap((result) => result.latenciesByKind.map(([kind]) => kind)))];
  console.log(
    markdownTable(
      ['scenario', ...kinds],
      results.map((result) => [
        result.name,
        ...kinds.map((kind) => {
          const values = result.latenciesByKind.find(([ofKind]) => ofKind === kind)?.[1] ?? [];
          return `${ms(values, 0.5)} / ${ms(values, 0.99)}`;
        }),
      ]),
    ),
  );
  console.log(
    `\nthe full sync: ${fullSync.created} users created in ${syncSeconds.toFixed(1)} s (events were sent for the first ${options.seconds} s)`,
  );
  console.log(`\nevents lost (the final Oomnitza state differs from Zoom's): ${lost.total}`);
  if (lost.total > 0) {
    console.log(
      markdownTable(
        ['event', 'lost', 'example'],
        lost.byKind.map(({ kind, count, example }) => [kind, String(count), example]),
      ),
    );
  }
  console.log(
    "\nwhere the time goes: mean ms of each hop, from the services' histograms (answered: the webhook request in the fetcher's HTTP handling; publish: outbox insert to the broker's ack; applied or stored: outbox insert to the consumer's commit; written: arrival at the writer to Oomnitza's answer)",
  );
  console.log(
    markdownTable(
      ['scenario', ...STAGE_NAMES],
      results.map((result) => [result.name, ...result.stageMeansMs.map(([, mean]) => (mean === undefined ? '-' : mean.toFixed(1)))]),
    ),
  );
  console.log(
    `\nCPU per event, ms (user + system, from the first event sent to the last seen), and how many of the machine's ${cpus().length} cores were busy while events were sent: when all are, every hop waits for one`,
  );
  console.log(
    markdownTable(
      ['scenario', ...results[0].cpuMsPerEvent.map(([name]) => name), 'cores busy while sending'],
      results.map((result) => [
        result.name,
        ...result.cpuMsPerEvent.map(([, ms]) => (ms === undefined ? '-' : ms.toFixed(2))),
        result.coresBusy.toFixed(2),
      ]),
    ),
  );
  console.log('\nPostgreSQL queries per event (round trips, from db_queries_total: fixed per event, varying per batch with batch sizes)');
  console.log(
    markdownTable(
      ['scenario', ...results[0].queriesPerEvent.map(([service]) => service), 'all services'],
      results.map((result) => [
        result.name,
        ...result.queriesPerEvent.map(([, queries]) => queries.toFixed(2)),
        result.queriesPerEvent.reduce((sum, [, queries]) => sum + queries, 0).toFixed(2),
      ]),
    ),
  );
  console.log('\npeak RSS per service, MiB');
  console.log(
    markdownTable(
      ['after', ...rss[0].map(([service]) => service)],
      results.map((result, index) => [result.name, ...rss[index].map(([, mib]) => (mib === undefined ? '-' : String(mib)))]),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
