// The Zoom sandbox's hot paths under load: list users (page_size 300) and get one user, on a
// sandbox started with the CLI in a child process, measured with autocannon from this process.
import { startProcess } from '@zoom-oomnitza-sync/testing';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { autocannon, AutocannonResult, benchRowOf } from './autocannon';
import { BenchRow } from './bench-row';

/** A row plus the sandbox process's own CPU time per request (Linux /proc), which shows its headroom when the load generator is the limit. */
export interface ZoomBenchRow extends BenchRow {
  serverCpuMsPerRequest?: number;
}

export interface ZoomBenchOptions {
  /** Users in the sandbox's account (default 10000). */
  users?: number;
  /** Measured seconds per scenario (default 10). */
  seconds?: number;
  /** Concurrent keep-alive connections (default 32). */
  connections?: number;
  /** page_size of the list-users scenario (default 300). */
  pageSize?: number;
  /** autocannon worker threads (default 2): one thread cannot decode pages of 300 users as fast as the sandbox serves them. */
  workers?: number;
}

const repositoryRoot = path.resolve(__dirname, '../..');
const CLIENT_ID = 'bench-client';
const CLIENT_SECRET = 'bench-client-secret';
const ACCOUNT_ID = 'bench-account';
const ADMIN_KEY = 'bench-admin-key';
const SANDBOX_START_TIMEOUT_MS = 60_000;
const LISTENING_ON = /listening on (\S+)/;

export async function benchZoomSandbox(options: ZoomBenchOptions = {}): Promise<ZoomBenchRow[]> {
  const users = options.users ?? 10_000;
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 32;
  const pageSize = options.pageSize ?? 300;
  const workers = options.workers ?? 2;
  const sandbox = await startSandbox(users);
  try {
    const authorization = `Bearer ${await mintToken(sandbox.url)}`;
    const pagePaths = await activePassPaths(sandbox.url, authorization, pageSize);
    const userPaths = await userDetailPaths(sandbox.url);
    const scenarios: [string, string[]][] = [
      [`zoom: list users (page_size ${pageSize}, ${users} users, ${pagePaths.length} pages in turn)`, pagePaths],
      [`zoom: get user by id (${userPaths.length} users in turn)`, userPaths],
    ];
    const rows: ZoomBenchRow[] = [];
    for (const [scenario, paths] of scenarios) {
      process.stderr.write(
        `[bench] ${scenario}: warming up, then ${seconds} s with ${connections} connections, ${workers} autocannon workers\n`,
      );
      await load(sandbox.url, authorization, paths, { connections, duration: 1, workers });
      const cpuBefore = sandbox.cpuMs();
      const result = await load(sandbox.url, authorization, paths, { connections, duration: seconds, workers });
      const cpuAfter = sandbox.cpuMs();
      rows.push({
        ...benchRowOf(scenario, result),
        serverCpuMsPerRequest:
          cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
            ? undefined
            : Number(((cpuAfter - cpuBefore) / result.requests.total).toFixed(3)),
      });
    }
    return rows;
  } finally {
    await sandbox.stop();
  }
}

/** Each connection walks through `paths` in turn, so the whole population is served, not one page. */
function load(
  url: string,
  authorization: string,
  paths: string[],
  settings: { connections: number; duration: number; workers: number },
): Promise<AutocannonResult> {
  return autocannon({
    url,
    ...settings,
    workers: settings.workers > 0 ? settings.workers : undefined,
    headers: { authorization },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
}

interface SandboxProcess {
  url: string;
  /** CPU time the sandbox process has used so far, where /proc tells it. */
  cpuMs: () => number | undefined;
  stop: () => Promise<void>;
}

async function startSandbox(users: number): Promise<SandboxProcess> {
  const sandbox = startProcess(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      'tools/zoom-sandbox/src/cli.ts',
      '--port',
      '0',
      '--users',
      String(users),
      '--seed',
      '42',
      '--plan',
      'unlimited',
      '--account-id',
      ACCOUNT_ID,
      '--client-id',
      CLIENT_ID,
      '--client-secret',
      CLIENT_SECRET,
      '--admin-key',
      ADMIN_KEY,
    ],
    { cwd: repositoryRoot, stderr: 'inherit' },
  );
  try {
    const summary = await sandbox.waitForLine(LISTENING_ON, SANDBOX_START_TIMEOUT_MS);
    return {
      url: LISTENING_ON.exec(summary)![1],
      cpuMs: () => processCpuMs(sandbox.pid),
      stop: async () => {
        await sandbox.stop();
      },
    };
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
function processCpuMs(pid: number | undefined): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function mintToken(url: string): Promise<string> {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: `grant_type=account_credentials&account_id=${ACCOUNT_ID}`,
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) {
    throw new Error(`could not mint a token: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.access_token;
}

/** The first page and every next_page_token of the active pass (tokens live 15 minutes). */
async function activePassPaths(url: string, authorization: string, pageSize: number): Promise<string[]> {
  const first = `/v2/users?status=active&page_size=${pageSize}`;
  const paths = [first];
  let pathToRead = first;
  for (;;) {
    const response = await fetch(`${url}${pathToRead}`, { headers: { authorization } });
    const page = (await response.json()) as { next_page_token?: string };
    if (!page.next_page_token) {
      return paths;
    }
    pathToRead = `/v2/users?page_size=${pageSize}&next_page_token=${page.next_page_token}`;
    paths.push(pathToRead);
  }
}

/**
 * Up to 1000 users spread over the population: lookups cost the same for any user, and
 * autocannon builds every request of the list for every connection before it starts.
 */
async function userDetailPaths(url: string): Promise<string[]> {
  const response = await fetch(`${url}/sandbox/state?deliveries=false`, { headers: { 'x-sandbox-admin-key': ADMIN_KEY } });
  const users = ((await response.json()) as { accounts: { users: { id: string }[] }[] }).accounts[0].users;
  const step = Math.max(1, Math.floor(users.length / 1000));
  return users.filter((_user, index) => index % step === 0).map((user) => `/v2/users/${user.id}`);
}
