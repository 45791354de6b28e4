import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

function clockTicksPerSecond(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** The CPU time (user + system) a process has used so far, in seconds, from /proc; undefined where that cannot be read. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) {
    return undefined;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count the fields from its closing one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime] = [Number(fields[11]), Number(fields[12])];
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) / clockTicksPerSecond() : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time used so far by each process whose command line matches, in seconds by pid (PostgreSQL's backends, the Kafka broker). */
export function cpuSecondsOfProcesses(commandLine: RegExp): Map<number, number> {
  const used = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const seconds = commandLine.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' '))
        ? cpuSeconds(Number(entry))
        : undefined;
      if (seconds !== undefined) {
        used.set(Number(entry), seconds);
      }
    } catch {
      // The process ended while being read.
    }
  }
  return used;
}

/**
 * CPU seconds those processes used between two readings of cpuSecondsOfProcesses. One that started
 * in between counts from its start; one that ended in between is not counted (its last seconds are lost).
 */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, used] of after) {
    seconds += used - (before.get(pid) ?? 0);
  }
  return seconds;
}

/** The machine's busy and total CPU time so far, in seconds over all cores, from /proc/stat. */
export function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks.map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { busy: busy / clockTicksPerSecond(), total: (busy + idle + iowait) / clockTicksPerSecond() };
}
