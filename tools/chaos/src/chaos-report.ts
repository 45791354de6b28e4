import { markdownTable } from '@zoom-oomnitza-sync/devkit';
import { ChaosReport } from './chaos-run';

/** The table of faults and the verdict, as the chaos command prints them. */
export function formatChaosReport(report: ChaosReport): string {
  const { run, oomnitza } = report;
  const faults = markdownTable(
    ['fault', 'at (s)', 'run then', 'back after (s)'],
    report.faults.map((fault) => [fault.fault, fault.atSeconds.toFixed(1), fault.progress, fault.recoverySeconds.toFixed(1)]),
  );
  return [
    faults,
    ...(report.notApplied.length > 0 ? [`not applied (the run had finished): ${report.notApplied.join(', ')}`] : []),
    `run ${run.status}${run.failureReason ? ` (${run.failureReason})` : ''} in ${report.seconds.toFixed(1)} s: fetched ${run.fetched}, mapped ${run.mapped}, rejected ${run.rejected}, created ${run.created}, updated ${run.updated}, unchanged ${run.unchanged}, failed ${run.failed}`,
    `Oomnitza: ${oomnitza.people} people for ${oomnitza.expected} Zoom users; missing ${oomnitza.missing.length}, doubled ${oomnitza.doubled.length}, wrong ${oomnitza.wrong.length}`,
    `verdict: ${chaosPassed(report) ? 'PASS: nothing lost, nothing doubled' : 'FAIL'}`,
  ].join('\n');
}

export function chaosPassed(report: ChaosReport): boolean {
  const { oomnitza } = report;
  return (
    report.run.status === 'completed' &&
    report.run.failed === 0 &&
    oomnitza.people === oomnitza.expected &&
    oomnitza.missing.length === 0 &&
    oomnitza.doubled.length === 0 &&
    oomnitza.wrong.length === 0
  );
}
