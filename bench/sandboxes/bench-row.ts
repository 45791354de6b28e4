/** One measured scenario of a sandbox benchmark. */
export interface BenchRow {
  scenario: string;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}
