import { markdownTable, percentile } from '@zoom-oomnitza-sync/devkit';
import { ScenarioRow } from './scenarios';

const COLUMNS = ['scenario', 'messages', 'seconds', 'msg/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];

function cells(row: ScenarioRow): string[] {
  const base = [row.scenario, String(row.messages), row.seconds.toFixed(2), Math.round(row.messages / row.seconds).toString()];
  if (!row.latenciesMs?.length) {
    return [...base, '-', '-', '-', '-'];
  }
  const sorted = [...row.latenciesMs].sort((a, b) => a - b);
  const latencies = [0.5, 0.95, 0.99, 1].map((fraction) => percentile(sorted, fraction).toFixed(1));
  return [...base, ...latencies];
}

export function formatTable(rows: readonly ScenarioRow[]): string {
  return markdownTable(COLUMNS, rows.map(cells));
}
