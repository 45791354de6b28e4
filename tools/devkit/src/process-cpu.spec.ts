import { readFileSync } from 'node:fs';
import { cpuSeconds, cpuSecondsBetween, cpuSecondsOfProcesses, machineCpuSeconds } from './process-cpu';

/** Burns `seconds` of this process's CPU time, however busy the machine is. */
function burn(seconds: number): void {
  const before = process.cpuUsage();
  for (;;) {
    const usage = process.cpuUsage(before);
    if ((usage.user + usage.system) / 1e6 >= seconds) {
      return;
    }
  }
}

describe('cpuSeconds', () => {
  it("grows with the CPU a process burns, and matches Node's own account of it", () => {
    const before = cpuSeconds(process.pid)!;
    const usageBefore = process.cpuUsage();
    const burnt = () => {
      const usage = process.cpuUsage(usageBefore);
      return (usage.user + usage.system) / 1e6;
    };
    while (burnt() < 0.3) {
      // burn CPU time, however busy the machine is
    }
    const spent = cpuSeconds(process.pid)! - before;
    const usage = process.cpuUsage(usageBefore);

    expect(spent).toBeGreaterThan(0.2);
    expect(Math.abs(spent - (usage.user + usage.system) / 1e6)).toBeLessThan(0.05);
  });

  it('is undefined for a process that does not exist', () => {
    expect(cpuSeconds(undefined)).toBeUndefined();
    expect(cpuSeconds(2 ** 30)).toBeUndefined();
  });
});

describe('cpuSecondsOfProcesses', () => {
  it('reads the processes whose command line matches: this one among them, none for a line nobody has', () => {
    const own = readFileSync('/proc/self/cmdline', 'utf8').replace(/\0/g, ' ');
    const ownLine = new RegExp(`^${own.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const before = cpuSecondsOfProcesses(ownLine);
    burn(0.3);
    const after = cpuSecondsOfProcesses(ownLine);
    expect(after.has(process.pid)).toBe(true);
    expect(cpuSecondsBetween(before, after)).toBeGreaterThan(0.2);
    expect(cpuSecondsOfProcesses(/no process has this command line 5f1c2a/).size).toBe(0);
  });

  it('counts a process that started between two readings from its start, and never less than nothing for one that ended', () => {
    expect(cpuSecondsBetween(new Map([[1, 5]]), new Map([[2, 0.5]]))).toBe(0.5);
    expect(
      cpuSecondsBetween(
        new Map([
          [1, 5],
          [2, 1],
        ]),
        new Map([[2, 1.25]]),
      ),
    ).toBe(0.25);
  });
});

describe('machineCpuSeconds', () => {
  it("counts this process's CPU among the machine's busy time, and busy never exceeds the total", () => {
    const before = machineCpuSeconds();
    burn(0.3);
    const after = machineCpuSeconds();
    expect(after.busy - before.busy).toBeGreaterThan(0.2);
    // Tick counts divided into seconds: with no core idle in between, total and busy grew alike but for the last bits.
    expect(after.total - before.total).toBeGreaterThanOrEqual(after.busy - before.busy - 1e-9);
  });
});
