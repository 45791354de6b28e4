import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { customFieldId, DEFAULT_SAAS } from '../src';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', 'tools/oomnitza-sandbox/src/cli.ts', ...args], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function firstLine(child: ChildProcess): Promise<string> {
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const [line] = (await once(lines, 'line')) as [string];
  lines.close();
  return line;
}

describe('the command line (npm run sandbox:oomnitza)', () => {
  it('prints one summary line, serves with the given token until SIGTERM, then exits 0', async () => {
    const child = runCli(['--port', '0', '--token', 'cli-token', '--admin-key', 'cli-admin']);
    try {
      const line = await firstLine(child);
      const url = /url=(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      expect(line).toBe(
        `oomnitza-sandbox listening url=${url} token=cli-token admin-key=cli-admin saas-id=${DEFAULT_SAAS.id} zoom-id-field=${customFieldId('Zoom ID')}`,
      );
      expect((await fetch(`${url}/api/v2/mappings?name=AuthTest`, { headers: { authorization2: 'cli-token' } })).status).toBe(200);
      expect((await fetch(`${url}/api/v2/mappings?name=AuthTest`, { headers: { authorization2: 'other' } })).status).toBe(401);
      expect((await fetch(`${url}/sandbox/state/summary`, { headers: { 'x-sandbox-admin-key': 'cli-admin' } })).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('generates a token and an admin key when none is given', async () => {
    const child = runCli(['--port', '0']);
    try {
      const line = await firstLine(child);
      expect(line).toMatch(/ token=[0-9a-f]{48} admin-key=[0-9a-f]{48} /);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  });

  it('explains a bad flag on stderr and exits 2', async () => {
    const child = runCli(['--port', 'nine']);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain('--port takes an integer of at least 0, not "nine"');
    expect(stderr).toContain('Usage: npm run sandbox:oomnitza');
  });
});
