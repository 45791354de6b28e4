import { BenchRow } from './bench-row';

// autocannon ships no type declarations: these describe the part of its API the benchmarks use.
export interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
}

export interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  workers?: number;
  headers?: Record<string, string>;
  requests: AutocannonRequest[];
}) => Promise<AutocannonResult>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const autocannon = require('autocannon') as Autocannon;

/** A scenario's row: what autocannon measured, with failed requests (and any refused records) as errors. */
export function benchRowOf(scenario: string, result: AutocannonResult, extraErrors = 0): BenchRow {
  return {
    scenario,
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + extraErrors,
  };
}
