// `npm run bench:messaging -- [--messages 20000] [--batch 50] [--rate 200] [--seconds 20] [--partitions 3] [--timeout 180] [--handler each|batch]`
// Measures outbox -> relay -> Kafka -> idempotent consumer on a real broker and database: the
// throughput at the fastest rate one writer can commit, then the end-to-end latency at a fixed
// rate. Progress goes to stderr, the results table to stdout. See bench/messaging/README.md.
import 'reflect-metadata';
import { ConfigService } from '@nestjs/config';
import { readCommandLine } from '@zoom-oomnitza-sync/devkit';
import { applyEnvironment, createTestSchema, createTestTopics, testEnvironment } from '@zoom-oomnitza-sync/testing';
import { availableParallelism, loadavg } from 'node:os';
import { BenchApp, startBenchApp } from './bench-app';
import { BENCH_COMMAND, BenchOptions } from './bench-options';
import { BenchTick } from './bench-tick';
import { Cleanup } from './cleanup';
import { Infrastructure, provisionInfrastructure } from './infrastructure';
import { progress } from './progress';
import { formatTable } from './report';
import { effectSummary, EffectSummary, fixedRate, maxThroughput, ScenarioContext, ScenarioRow, warmUp } from './scenarios';

interface Results {
  rows: ScenarioRow[];
  /** How long the fixed-rate scenario took to commit its messages: its offered rate held if about --seconds. */
  fixedRateCommitSeconds: number;
  effects: Record<string, { sent: number; summary: EffectSummary }>;
}

async function runScenarios(context: ScenarioContext, options: BenchOptions): Promise<Results> {
  progress('warming up');
  await warmUp(context);
  progress(`throughput: ${options.messages} messages in transactions of ${options.batch}`);
  const throughput = await maxThroughput(context, options.messages, options.batch);
  const latency = await fixedRate(context, options.rate, options.seconds);
  return {
    rows: [...throughput, latency],
    fixedRateCommitSeconds: latency.commitSeconds,
    effects: {
      throughput: { sent: options.messages, summary: await effectSummary(context, 'throughput') },
      'fixed-rate': { sent: latency.messages, summary: await effectSummary(context, 'fixed-rate') },
    },
  };
}

function report(options: BenchOptions, infrastructure: Infrastructure, bench: BenchApp, results: Results, loadBefore: number): boolean {
  const config = bench.app.get(ConfigService);
  const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const exactlyOnce = Object.entries(results.effects).map(
    ([scenario, { sent, summary }]) =>
      `${scenario} ${sent} messages -> ${summary.rows} effect rows of ${summary.messages} distinct messages` +
      ` (per partition ${summary.perPartition.map(([partition, rows]) => `${partition}:${rows}`).join(' ')})`,
  );
  const applied = Object.values(results.effects).every(({ sent, summary }) => summary.rows === sent && summary.messages === sent);
  console.log(
    [
      `bench/messaging  (outbox -> Kafka -> inbox consumer, 1 relay, 1 consumer, ${options.partitions} partitions)`,
      formatTable(results.rows),
      '',
      'seconds: from the first outbox commit (write: from the first transaction start) to the last message published / applied;',
      'latency: handler applied (inside the inbox transaction) minus outbox commit, per message',
      `fixed rate: ${results.rows.at(-1)?.messages} commits took ${results.fixedRateCommitSeconds.toFixed(2)} s`,
      `peak RSS: ${peakRssMiB} MiB (the whole process: writer, relay and consumer)`,
      `applied once each: ${applied ? 'yes' : 'NO'}; ${exactlyOnce.join('; ')}`,
      `settings: --messages ${options.messages} --batch ${options.batch} --rate ${options.rate} --seconds ${options.seconds}` +
        ` --partitions ${options.partitions} --timeout ${options.timeout}; OUTBOX_BATCH_SIZE=${bench.settings.outboxBatchSize}` +
        ` OUTBOX_POLL_INTERVAL_MS=${bench.settings.outboxPollIntervalMs} DATABASE_POOL_SIZE=${config.get('DATABASE_POOL_SIZE')}` +
        ` partitionsConsumedConcurrently=${options.partitions}; ${options.handler === 'batch' ? "batch handler inserting the batch's effect rows" : 'per-message handler inserting one effect row'}`,
      `infrastructure: Kafka ${infrastructure.kafka.description}; PostgreSQL ${infrastructure.postgres.description};` +
        ` node ${process.version}, ${availableParallelism()} CPUs, load average ${loadBefore.toFixed(1)} before the run`,
    ].join('\n'),
  );
  return applied;
}

async function main(signal: AbortSignal): Promise<boolean> {
  const options = readCommandLine(BENCH_COMMAND);
  const [loadBefore] = loadavg();
  const cleanup = new Cleanup();
  try {
    const infrastructure = await provisionInfrastructure(cleanup);
    const schema = await createTestSchema('bench_messaging');
    cleanup.add(`drop schema ${schema.schema}`, () => schema.drop());
    const topics = await createTestTopics('bench_messaging', [BenchTick.topic], { partitions: options.partitions, replicationFactor: 1 });
    cleanup.add(`delete the topics and consumer group under ${topics.prefix}`, () => topics.delete());
    const environment = testEnvironment({
      DATABASE_SCHEMA: schema.schema,
      KAFKA_TOPIC_PREFIX: topics.prefix,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    });
    cleanup.add('restore the app settings', applyEnvironment(environment));
    progress(`schema ${schema.schema}, topic prefix ${topics.prefix}; starting the app`);
    const bench = await startBenchApp(options.partitions, options.handler);
    cleanup.add('close the app', () => bench.app.close());
    const results = await runScenarios({ bench, signal, timeoutMs: options.timeout * 1000 }, options);
    return report(options, infrastructure, bench, results, loadBefore);
  } finally {
    progress('cleaning up');
    if (!(await cleanup.run())) {
      process.exitCode = 1;
    }
  }
}

const interrupted = new AbortController();
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    // A second signal does not wait for the cleanup.
    if (interrupted.signal.aborted) {
      process.exit(130);
    }
    progress(`${name}: stopping and cleaning up (again to quit at once)`);
    interrupted.abort(new Error(`interrupted by ${name}`));
  });
}

main(interrupted.signal).then(
  (applied) => process.exit(applied ? (process.exitCode ?? 0) : 1),
  (error: unknown) => {
    console.error('[bench] failed:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
