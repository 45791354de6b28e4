import { RunView } from '@zoom-oomnitza-sync/local-platform';

const WIDTH = 30;

/** One line on stderr, redrawn in place: how far the run got through each stage. */
export function progressLine(run: RunView, total: number, startedAt: number): string {
  const written = run.created + run.updated + run.unchanged + run.skipped + run.failed;
  // Each user goes through three stages: fetched, then mapped (or rejected), then written.
  const stages = run.fetched + run.mapped + run.rejected + written + run.rejected;
  const done = Math.min(1, stages / Math.max(1, 3 * total));
  const filled = Math.round(done * WIDTH);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.round(done * 100)}%  fetched ${run.fetched}/${total}  mapped ${run.mapped}  written ${written}  ${seconds} s`;
}

export function summaryLine(run: RunView, seconds: number): string {
  const synced = run.created + run.updated + run.unchanged + run.skipped + run.failed;
  return `demo: synced ${synced} users (created ${run.created}, updated ${run.updated}, unchanged ${run.unchanged}, failed ${run.failed}) in ${seconds.toFixed(1)} s`;
}
