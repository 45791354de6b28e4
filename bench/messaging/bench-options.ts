import { parseArgs } from 'node:util';

export type HandlerKind = 'each' | 'batch';

export interface BenchOptions {
  /** Messages written as fast as possible in the throughput scenario. */
  messages: number;
  /** Messages per outbox transaction in the throughput scenario. */
  batch: number;
  /** Messages per second offered in the latency scenario, one per transaction. */
  rate: number;
  /** How long the latency scenario offers its rate. */
  seconds: number;
  partitions: number;
  /** Longest a scenario may take before the run gives up. */
  timeoutSeconds: number;
  /** A per-message handler (one transaction per message) or a batch handler (one per fetched batch). */
  handler: HandlerKind;
}

export const USAGE =
  'usage: npm run bench:messaging -- [--messages 20000] [--batch 50] [--rate 200] [--seconds 20] [--partitions 3] [--timeout 180] [--handler each|batch]';

const NUMBERS: [name: Exclude<keyof BenchOptions, 'handler'>, flag: string, fallback: number, max: number][] = [
  ['messages', 'messages', 20_000, 1_000_000],
  ['batch', 'batch', 50, 5_000],
  ['rate', 'rate', 200, 10_000],
  ['seconds', 'seconds', 20, 600],
  ['partitions', 'partitions', 3, 64],
  ['timeoutSeconds', 'timeout', 180, 3_600],
];

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { ...Object.fromEntries(NUMBERS.map(([, flag]) => [flag, { type: 'string' as const }])), handler: { type: 'string' } },
    strict: true,
  });
  const numbers = NUMBERS.map(([name, flag, fallback, max]) => {
    const raw = (values as Record<string, string | undefined>)[flag];
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`--${flag} must be an integer from 1 to ${max}\n${USAGE}`);
    return [name, value];
  });
  const handler = values.handler ?? 'each';
  if (handler !== 'each' && handler !== 'batch') throw new Error(`--handler must be each or batch\n${USAGE}`);
  return { ...(Object.fromEntries(numbers) as Omit<BenchOptions, 'handler'>), handler };
}
