import { startProcess, StartedProcess } from '@zoom-oomnitza-sync/testing';
import path from 'node:path';
import { basicAuthorization, requestJson } from './support/zoom-client';

const repositoryRoot = path.resolve(__dirname, '../../..');

const startCli = (args: string[]) =>
  startProcess(process.execPath, ['-r', '@swc-node/register', 'tools/zoom-sandbox/src/cli.ts', ...args], { cwd: repositoryRoot });

/** The start-up summary, which ends with the webhooks line. */
async function summaryOf(cli: StartedProcess): Promise<string> {
  await cli.waitForLine(/^ {2}webhooks /, 60_000);
  return cli.output();
}

describe('npm run sandbox:zoom', () => {
  it('starts with the given flags, prints where and how to connect, serves the API and stops on SIGTERM', async () => {
    const cli = startCli([
      '--port',
      '0',
      '--users',
      '120',
      '--seed',
      '3',
      '--plan',
      'free',
      '--account-id',
      'cli-account',
      '--client-id',
      'cli-client',
    ]);
    try {
      const summary = await summaryOf(cli);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(summary)?.[1] as string;
      const clientSecret = /client secret\s+(\S+)\s+\(generated/.exec(summary)?.[1] as string;
      const adminKey = /admin key\s+(\S+)\s+\(generated/.exec(summary)?.[1] as string;
      expect(summary).toContain('account id        cli-account   (plan free, 120 users, seed 3)');
      expect(summary).toContain(`OAuth token URL   ${url}/oauth/token`);

      const minted = await requestJson(`${url}/oauth/token`, {
        method: 'POST',
        headers: { authorization: basicAuthorization('cli-client', clientSecret), 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=account_credentials&account_id=cli-account',
      });
      expect(minted.status).toBe(200);
      const users = await requestJson(`${url}/v2/users?status=inactive`, {
        headers: { authorization: `Bearer ${minted.body.access_token}` },
      });
      expect(users.status).toBe(200);
      expect(users.headers.get('x-ratelimit-limit')).toBe('2000');
      const state = await requestJson(`${url}/sandbox/state?deliveries=false`, { headers: { 'x-sandbox-admin-key': adminKey } });
      expect((state.body.accounts as { users: unknown[] }[])[0].users).toHaveLength(120);
    } finally {
      void cli.stop('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  });

  it('does not print secrets it was given', async () => {
    const cli = startCli([
      '--port',
      '0',
      '--users',
      '5',
      '--client-secret',
      'given-client-secret',
      '--admin-key',
      'given-admin-key',
      '--webhook-url',
      'http://127.0.0.1:9/hook',
      '--webhook-secret',
      'given-webhook-secret',
    ]);
    try {
      const summary = await summaryOf(cli);
      expect(summary).not.toMatch(/given-(client-secret|admin-key|webhook-secret)/);
      expect(summary).toContain('client secret     (as given)');
    } finally {
      void cli.stop('SIGTERM');
    }
    expect(await cli.exited).toBe(0);
  });

  it('explains its flags when one is wrong', async () => {
    const cli = startCli(['--plan', 'enterprise']);
    expect(await cli.exited).toBe(2);
    expect(cli.output('stderr')).toContain('--plan takes one of free, pro, business, unlimited, not "enterprise"');
    expect(cli.output('stderr')).toContain('Usage: npm run sandbox:zoom');
  });
});
