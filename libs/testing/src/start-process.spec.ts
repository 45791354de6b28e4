import { startProcess, StartedProcess } from './start-process';

describe('startProcess', () => {
  const started: StartedProcess[] = [];
  const node = (script: string, env?: NodeJS.ProcessEnv) => {
    const child = startProcess(process.execPath, ['-e', script], { env });
    started.push(child);
    return child;
  };

  afterEach(async () => {
    await Promise.all(started.splice(0).map((child) => child.kill()));
  });

  it('collects stdout and stderr, together and apart, and resolves exited with the exit code', async () => {
    const child = node('console.log("out 1"); console.error("err 1"); process.stdout.write("no newline"); process.exitCode = 3');
    expect(await child.exited).toBe(3);
    expect(child.output('stdout')).toBe('out 1\nno newline');
    expect(child.output('stderr')).toBe('err 1\n');
    expect(child.output()).toContain('err 1\n');
    expect([...child.lines()].sort()).toEqual(['err 1', 'no newline', 'out 1']);
  });

  it('passes the environment it is given', async () => {
    const child = node('console.log(process.env.GREETING)', { PATH: process.env.PATH, GREETING: 'hello' });
    await child.exited;
    expect(child.lines()).toEqual(['hello']);
  });

  it('waits for a line matching a RegExp or a predicate, printed before or after the call', async () => {
    const child = node('console.log("starting"); setTimeout(() => console.log("listening on 4242"), 200); setInterval(() => {}, 1000)');
    expect(await child.waitForLine(/listening on (\d+)/)).toBe('listening on 4242');
    expect(await child.waitForLine((line) => line.startsWith('start'))).toBe('starting');
  });

  it('rejects with the output when the process exits before the line', async () => {
    const child = node('console.log("config is wrong"); process.exit(1)');
    await expect(child.waitForLine(/listening/)).rejects.toThrow(
      /exited with 1 before it printed a line matching \/listening\/:\nconfig is wrong/,
    );
  });

  it('rejects with the output when the time runs out', async () => {
    const child = node('console.log("still booting"); setInterval(() => {}, 1000)');
    // The line is out before the clock starts: a slow start on a busy machine cannot leave it out of the message.
    await child.waitForLine(/still booting/);
    await expect(child.waitForLine(() => false, 300)).rejects.toThrow(/did not print the expected line within 300 ms:\nstill booting/);
  });

  it('stops with a signal and resolves with the exit code the process chose', async () => {
    const child = node(
      'process.on("SIGTERM", () => { console.log("bye"); process.exit(0); }); console.log("ready"); setInterval(() => {}, 1000)',
    );
    await child.waitForLine(/ready/);
    expect(await child.stop('SIGTERM')).toBe(0);
    expect(child.lines()).toEqual(['ready', 'bye']);
    expect(await child.stop()).toBe(0);
  });

  it('kills a process that ignores SIGTERM', async () => {
    const child = node('process.on("SIGTERM", () => {}); console.log("ready"); setInterval(() => {}, 1000)');
    await child.waitForLine(/ready/);
    expect(await child.kill()).toBeNull();
  });

  it('kills a process that ignores the signal once killAfterMs has passed', async () => {
    const child = node('process.on("SIGTERM", () => console.log("ignored")); console.log("ready"); setInterval(() => {}, 1000)');
    await child.waitForLine(/ready/);
    expect(await child.stop('SIGTERM', 300)).toBeNull();
    expect(child.lines()).toEqual(['ready', 'ignored']);
  });

  it('reports a command that cannot start', async () => {
    const child = startProcess('/no/such/command', []);
    await expect(child.waitForLine(/anything/)).rejects.toThrow(/exited with null before.*\n.*ENOENT/);
    expect(child.pid).toBeUndefined();
  });
});
