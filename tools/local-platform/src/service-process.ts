import { freePorts } from '@zoom-oomnitza-sync/test-infrastructure';
import { startProcess } from '@zoom-oomnitza-sync/testing';
import path from 'node:path';

const WORKSPACE = path.resolve(__dirname, '../../..');

export interface ServiceProcess {
  readonly name: string;
  readonly baseUrl: string;
  readonly pid: number | undefined;
  readonly output: () => string;
  /** Ends the process as a crash would: no shutdown hooks, nothing flushed. */
  kill(): Promise<void>;
  /** Asks for a graceful stop and resolves with the exit code; with `killAfterMs`, kills a process that takes longer. */
  stop(killAfterMs?: number): Promise<number | null>;
  exited(): Promise<number | null>;
}

/**
 * Runs apps/<name>/src/main.ts as its own Node process, the way `nx serve` runs the built file;
 * `nodeArgs` go to Node before it (`--cpu-prof`, say).
 */
export async function startService(
  name: string,
  env: Record<string, string>,
  port?: number,
  nodeArgs: readonly string[] = [],
): Promise<ServiceProcess> {
  port ??= (await freePorts(1))[0];
  const service = startProcess(process.execPath, [...nodeArgs, '-r', '@swc-node/register', `apps/${name}/src/main.ts`], {
    cwd: WORKSPACE,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'info', ...env, HTTP_PORT: String(port) },
  });
  return {
    name,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: service.pid,
    output: () => service.output(),
    kill: async () => {
      await service.kill();
    },
    stop: (killAfterMs) => service.stop('SIGTERM', killAfterMs),
    exited: () => service.exited,
  };
}

/** Polls /health/ready until it answers 200; fails early, with the process output, if it exits. */
export async function waitUntilReady(service: ServiceProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void service.exited().then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      throw new Error(`${service.name} exited with ${exitCode}:\n${service.output()}`);
    }
    const status = await fetch(`${service.baseUrl}/health/ready`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs} ms:\n${service.output()}`);
}
