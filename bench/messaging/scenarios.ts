import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BenchApp } from './bench-app';
import { BenchEffectEntity } from './bench-effect.entity';
import { BenchTick, tickInput } from './bench-tick';
import { progress, rssMiB, together, until } from './progress';

export interface ScenarioRow {
  scenario: string;
  messages: number;
  seconds: number;
  /** Commit-to-applied milliseconds per message, when the row measures them. */
  latenciesMs?: number[];
}

export interface ScenarioContext {
  bench: BenchApp;
  signal: AbortSignal;
  timeoutMs: number;
}

/** Writes `count` ticks in one outbox transaction; returns their message ids once committed. */
async function writeTransaction({ bench }: ScenarioContext, scenario: string, first: number, count: number): Promise<string[]> {
  const envelopes = await bench.dataSource.transaction(async (manager) => {
    const written = [];
    for (let sequence = first; sequence < first + count; sequence += 1) {
      written.push(await bench.outbox.publish(manager, BenchTick, tickInput(scenario, sequence)));
    }
    return written;
  });
  const messageIds = envelopes.map((envelope) => envelope.messageId);
  bench.times.committed(messageIds);
  return messageIds;
}

/** Waits until the committed ticks' effect rows are in the database (the handler has applied them). */
async function effectRows(context: ScenarioContext, scenario: string, expected: number): Promise<void> {
  const count = () => context.bench.dataSource.getRepository(BenchEffectEntity).countBy({ scenario });
  await until(`${expected} ${scenario} effect rows`, async () => (await count()) >= expected, {
    ...context,
    status: async () => `${scenario}: ${await count()}/${expected} effect rows`,
  });
}

export interface EffectSummary {
  rows: number;
  messages: number;
  /** [partition, effect rows] in partition order. */
  perPartition: [number, number][];
}

/** What the handler wrote for a scenario: one row per message means each was applied exactly once. */
export async function effectSummary({ bench }: ScenarioContext, scenario: string): Promise<EffectSummary> {
  const rows: { partition: number; rows: number; messages: number }[] = await bench.dataSource
    .getRepository(BenchEffectEntity)
    .createQueryBuilder('effect')
    .select('effect.partition', 'partition')
    .addSelect('count(*)::int', 'rows')
    .addSelect('count(DISTINCT effect.message_id)::int', 'messages')
    .where('effect.scenario = :scenario', { scenario })
    .groupBy('effect.partition')
    .orderBy('effect.partition')
    .getRawMany();
  return {
    rows: rows.reduce((sum, row) => sum + row.rows, 0),
    messages: rows.reduce((sum, row) => sum + row.messages, 0),
    perPartition: rows.map((row) => [row.partition, row.rows]),
  };
}

/** Publishes a few ticks and waits for them: the consumer has joined its group and every connection is open. */
export async function warmUp(context: ScenarioContext): Promise<void> {
  const { times } = context.bench;
  const before = times.appliedTotal;
  const messageIds = await writeTransaction(context, 'warm-up', 0, 50);
  await until('the warm-up ticks', () => times.appliedTotal - before >= messageIds.length, {
    ...context,
    status: () => `warm-up: waiting for the consumer to join its group (${times.appliedTotal - before}/${messageIds.length} applied)`,
  });
  await effectRows(context, 'warm-up', messageIds.length);
}

/**
 * As fast as one writer can: `messages` ticks in transactions of `batch`. Yields the write rate,
 * the relay's rate (first commit until the relay has published the last one) and the end-to-end
 * rate (first commit until the handler has applied the last one), with each message's latency.
 */
export async function maxThroughput(context: ScenarioContext, messages: number, batch: number): Promise<ScenarioRow[]> {
  const { bench } = context;
  const scenario = 'throughput';
  const messageIds: string[] = [];
  const appliedBefore = bench.times.appliedTotal;
  const publishedBefore = await bench.published();
  const writeStarted = performance.now();
  let firstCommit = Number.NaN;
  let lastCommit = Number.NaN;
  let allPublished = Number.NaN;
  let published = 0;

  const write = async (signal: AbortSignal) => {
    for (let first = 0; first < messages; first += batch) {
      signal.throwIfAborted();
      messageIds.push(...(await writeTransaction(context, scenario, first, Math.min(batch, messages - first))));
      lastCommit = performance.now();
      if (first === 0) {
        firstCommit = lastCommit;
      }
    }
  };
  const watch = (signal: AbortSignal) =>
    until(
      `${messages} applied ticks`,
      async () => {
        published = (await bench.published()) - publishedBefore;
        if (published >= messages && Number.isNaN(allPublished)) {
          allPublished = performance.now();
        }
        return bench.times.appliedTotal - appliedBefore >= messages;
      },
      {
        ...context,
        signal,
        status: () =>
          `${scenario}: written ${messageIds.length}/${messages}, published ${published}, applied ${bench.times.appliedTotal - appliedBefore} (rss ${rssMiB()} MiB)`,
      },
    );
  await together(context.signal, write, watch);
  await effectRows(context, scenario, messages);

  const lastApplied = bench.times.lastApplied(messageIds);
  return [
    { scenario: `outbox write, tx of ${batch}`, messages, seconds: (lastCommit - writeStarted) / 1000 },
    { scenario: 'relay to Kafka', messages, seconds: (allPublished - firstCommit) / 1000 },
    {
      scenario: 'end to end, max rate',
      messages,
      seconds: (lastApplied - firstCommit) / 1000,
      latenciesMs: bench.times.latenciesMs(messageIds),
    },
  ];
}

/** Transactions of the fixed-rate scenario that may be open at once, well below the pool size. */
const MAX_IN_FLIGHT = 4;

/**
 * `rate` ticks a second for `seconds`, one per transaction. Each transaction starts on schedule
 * whether or not the previous one has committed (up to MAX_IN_FLIGHT at once), so a slow commit
 * does not lower the offered rate.
 */
export async function fixedRate(context: ScenarioContext, rate: number, seconds: number): Promise<ScenarioRow & { commitSeconds: number }> {
  const { bench } = context;
  const scenario = 'fixed-rate';
  const messages = rate * seconds;
  const messageIds: string[] = [];
  const appliedBefore = bench.times.appliedTotal;
  let firstCommit = Number.NaN;
  let lastCommit = Number.NaN;

  const commit = async (sequence: number) => {
    messageIds.push(...(await writeTransaction(context, scenario, sequence, 1)));
    lastCommit = performance.now();
    if (Number.isNaN(firstCommit)) {
      firstCommit = lastCommit;
    }
  };
  const write = async (signal: AbortSignal) => {
    const inFlight = new Set<Promise<void>>();
    let failure: unknown;
    const started = performance.now();
    try {
      for (let sequence = 0; sequence < messages && failure === undefined; sequence += 1) {
        const wait = started + (sequence * 1000) / rate - performance.now();
        if (wait > 0) {
          await sleep(wait, undefined, { signal });
        }
        while (inFlight.size >= MAX_IN_FLIGHT) {
          await Promise.race(inFlight);
        }
        signal.throwIfAborted();
        const transaction: Promise<void> = commit(sequence)
          .catch((error: unknown) => {
            failure ??= error;
          })
          .finally(() => inFlight.delete(transaction));
        inFlight.add(transaction);
      }
    } finally {
      await Promise.all(inFlight);
    }
    if (failure !== undefined) {
      throw failure;
    }
  };
  const watch = (signal: AbortSignal) =>
    until(`${messages} applied ticks`, () => bench.times.appliedTotal - appliedBefore >= messages, {
      ...context,
      signal,
      status: () =>
        `${scenario}: committed ${messageIds.length}/${messages}, applied ${bench.times.appliedTotal - appliedBefore} (rss ${rssMiB()} MiB)`,
    });
  progress(`${scenario}: ${rate} msg/s for ${seconds} s`);
  await together(context.signal, write, watch);
  await effectRows(context, scenario, messages);
  return {
    scenario: `end to end, ${rate} msg/s offered`,
    messages,
    seconds: (bench.times.lastApplied(messageIds) - firstCommit) / 1000,
    commitSeconds: (lastCommit - firstCommit) / 1000,
    latenciesMs: bench.times.latenciesMs(messageIds),
  };
}
