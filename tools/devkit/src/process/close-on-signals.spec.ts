import { spawn } from 'node:child_process';
import path from 'node:path';

const FIXTURE = path.join(__dirname, 'fixtures/closes-on-signals.ts');

/** Starts the fixture, signals it once it is up, and reports what it printed and how it exited. */
function signalled(signal: NodeJS.Signals, args: string[] = []): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', FIXTURE, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (output === 'up\n') {
        child.kill(signal);
      }
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ output, code }));
  });
}

describe('closeOnSignals', () => {
  it('closes on SIGTERM and exits 0, as a sandbox stops', async () => {
    await expect(signalled('SIGTERM')).resolves.toEqual({ output: 'up\nclosed\n', code: 0 });
  });

  it('closes on SIGINT and exits 130 with failOnSignal: a bench cut short did not finish', async () => {
    await expect(signalled('SIGINT', ['--fail-on-signal'])).resolves.toEqual({ output: 'up\nclosed\n', code: 130 });
  });

  it('exits 143 on SIGTERM with failOnSignal', async () => {
    await expect(signalled('SIGTERM', ['--fail-on-signal'])).resolves.toEqual({ output: 'up\nclosed\n', code: 143 });
  });

  it('exits 1 when closing fails', async () => {
    await expect(signalled('SIGTERM', ['--fail-to-close'])).resolves.toEqual({ output: 'up\nclosed\n', code: 1 });
  });
});
