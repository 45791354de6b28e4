import { readFileSync, writeFileSync } from 'node:fs';

/** A process's peak resident set size in MiB (Linux VmHWM), or undefined once it is gone. */
export function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) {
    return undefined;
  }
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a process's peak RSS afresh from its current RSS (Linux clear_refs 5), so a later peak is that of what follows. */
export function resetPeakRss(pid: number | undefined): void {
  if (pid !== undefined) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      // Gone, or not ours: its peak stays what it was.
    }
  }
}
