import { cpuSeconds } from './process-cpu';

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
