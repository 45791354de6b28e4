import { CliValues, option } from '@zoom-oomnitza-sync/devkit';

const HANDLER_KINDS = ['each', 'batch'] as const;

export type HandlerKind = (typeof HANDLER_KINDS)[number];

export const BENCH_COMMAND = {
  usage: 'npm run bench:messaging -- [options]',
  options: {
    messages: option.integer({ min: 1, max: 1_000_000, default: 20_000, help: 'messages of the throughput scenario' }),
    batch: option.integer({ min: 1, max: 5_000, default: 50, help: 'messages per outbox transaction in the throughput scenario' }),
    rate: option.integer({
      min: 1,
      max: 10_000,
      default: 200,
      help: 'messages per second offered in the latency scenario, one per transaction',
    }),
    seconds: option.integer({ min: 1, max: 600, default: 20, help: 'how long the latency scenario offers that rate' }),
    partitions: option.integer({
      min: 1,
      max: 64,
      default: 3,
      help: 'partitions of the topic, and partitions the consumer works on at once',
    }),
    timeout: option.integer({
      min: 1,
      max: 3_600,
      default: 180,
      valueName: 'SECONDS',
      help: 'how long a scenario may take before the run gives up',
    }),
    handler: option.choice(HANDLER_KINDS, {
      default: 'each',
      help: 'a per-message handler (one transaction per message) or a batch handler (one per fetched batch)',
    }),
  },
};

export type BenchOptions = CliValues<typeof BENCH_COMMAND.options>;
