import { startProcess } from '@zoom-oomnitza-sync/testing';
import { join } from 'node:path';
import { customFieldId, DEFAULT_SAAS } from '../src';

const REPOSITORY_ROOT = join(__dirname, '..', '..', '..');

const runCli = (args: string[]) =>
  startProcess(process.execPath, ['-r', '@swc-node/register', 'tools/oomnitza-sandbox/src/cli.ts', ...args], { cwd: REPOSITORY_ROOT });

const anyLine = () => true;

describe('the command line (npm run sandbox:oomnitza)', () => {
  it('prints one summary line, serves with the given token until SIGTERM, then exits 0', async () => {
    const child = runCli(['--port', '0', '--token', 'cli-token', '--admin-key', 'cli-admin']);
    try {
      const line = await child.waitForLine(anyLine, 60_000);
      const url = /url=(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      expect(line).toBe(
        `oomnitza-sandbox listening url=${url} token=cli-token admin-key=cli-admin saas-id=${DEFAULT_SAAS.id} zoom-id-field=${customFieldId('Zoom ID')}`,
      );
      expect((await fetch(`${url}/api/v2/mappings?name=AuthTest`, { headers: { authorization2: 'cli-token' } })).status).toBe(200);
      expect((await fetch(`${url}/api/v2/mappings?name=AuthTest`, { headers: { authorization2: 'other' } })).status).toBe(401);
      expect((await fetch(`${url}/sandbox/state/summary`, { headers: { 'x-sandbox-admin-key': 'cli-admin' } })).status).toBe(200);
    } finally {
      void child.stop('SIGTERM');
    }
    expect(await child.exited).toBe(0);
  });

  it('generates a token and an admin key when none is given', async () => {
    const child = runCli(['--port', '0']);
    try {
      const line = await child.waitForLine(anyLine, 60_000);
      expect(line).toMatch(/ token=[0-9a-f]{48} admin-key=[0-9a-f]{48} /);
    } finally {
      await child.stop('SIGTERM');
    }
  });

  it('explains a bad flag on stderr and exits 2', async () => {
    const child = runCli(['--port', 'nine']);
    expect(await child.exited).toBe(2);
    expect(child.output('stderr')).toContain('--port takes an integer of at least 0, not "nine"');
    expect(child.output('stderr')).toContain('Usage: npm run sandbox:oomnitza');
  });
});
