import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { ProvisionedPostgres } from '@zoom-oomnitza-sync/test-infrastructure';
import { processAlive, terminate } from './process-alive';

const REPOSITORY_ROOT = resolve(__dirname, '../../..');

export interface EmbeddedPostgresDaemon extends ProvisionedPostgres {
  readonly pid: number;
}

/**
 * Starts embedded PostgreSQL in a detached process of its own (log in `stateDir`), so it keeps
 * running after the calling command exits. `stop()` (or SIGTERM to `pid`) ends it.
 */
export async function startEmbeddedPostgresDaemon(stateDir: string): Promise<EmbeddedPostgresDaemon> {
  mkdirSync(stateDir, { recursive: true });
  const readyFile = join(stateDir, 'embedded-postgres.ready.json');
  const logFile = join(stateDir, 'embedded-postgres.log');
  rmSync(readyFile, { force: true });
  const log = openSync(logFile, 'w');
  const daemon = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'embedded-postgres-daemon.ts'), readyFile], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(REPOSITORY_ROOT, 'tsconfig.json') },
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  daemon.unref();
  const pid = daemon.pid;
  if (pid === undefined) {
    throw new Error('Could not spawn the embedded PostgreSQL process');
  }
  try {
    const outcome = await waitFor(
      () => {
        if (existsSync(readyFile)) {
          const ready = JSON.parse(readFileSync(readyFile, 'utf8')) as { url: string; description: string };
          return { started: true as const, ...ready };
        }
        return processAlive(pid) ? undefined : { started: false as const };
      },
      { timeoutMs: 120_000, intervalMs: 100, description: `embedded PostgreSQL to start (log: ${logFile})` },
    );
    if (!outcome.started) {
      throw new Error(`embedded PostgreSQL exited during start-up:\n${readFileSync(logFile, 'utf8')}`);
    }
    return { url: outcome.url, description: outcome.description, startedHere: true, pid, stop: () => terminate(pid) };
  } catch (error) {
    await terminate(pid);
    throw error;
  }
}
