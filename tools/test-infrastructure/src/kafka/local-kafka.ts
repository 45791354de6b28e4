import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { portAnswers, waitFor } from '@zoom-oomnitza-sync/testing';
import { ProvisionedKafka } from '../provisioned';

const run = promisify(execFile);

export const KAFKA_TOOL_DIR = resolve(__dirname, '../../../kafka');

export interface LocalKafkaOptions {
  port: number;
  controllerPort: number;
  /** Pid file, log and data; tools/kafka's default (its git-ignored cache) when omitted. */
  runDir?: string;
  /** name:password[,...]: the broker takes SASL/PLAIN clients only (KAFKA_SASL_USERS of tools/kafka). */
  saslUsers?: string;
  /** Start on the storage a crashed broker of this run directory left (KAFKA_KEEP_DATA of tools/kafka). */
  keepData?: boolean;
}

function toolEnvironment(options: LocalKafkaOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KAFKA_PORT: String(options.port),
    KAFKA_CONTROLLER_PORT: String(options.controllerPort),
  };
  // An inherited KAFKA_RUN_DIR belongs to some other broker; sharing it would wipe that one's data.
  delete env.KAFKA_RUN_DIR;
  delete env.KAFKA_SASL_USERS;
  if (options.saslUsers) {
    env.KAFKA_SASL_USERS = options.saslUsers;
  }
  if (options.runDir) {
    env.KAFKA_RUN_DIR = options.runDir;
  }
  delete env.KAFKA_KEEP_DATA;
  if (options.keepData) {
    env.KAFKA_KEEP_DATA = 'true';
  }
  return env;
}

async function runTool(script: 'start' | 'stop' | 'status', options: LocalKafkaOptions): Promise<{ stdout: string; stderr: string }> {
  return run(resolve(KAFKA_TOOL_DIR, script), [], { env: toolEnvironment(options), maxBuffer: 10 * 1024 * 1024 });
}

export async function localKafkaRunning(options: LocalKafkaOptions): Promise<boolean> {
  return runTool('status', options).then(
    () => true,
    () => false,
  );
}

/** Stops the tools/kafka broker on these ports and removes its data; fine when none runs. */
export async function stopLocalKafka(options: LocalKafkaOptions): Promise<void> {
  await runTool('stop', options);
}

/**
 * A broker from tools/kafka on the given ports. When one of ours already runs there it is used
 * as it is and left running (`startedHere: false`).
 */
export async function startLocalKafka(options: LocalKafkaOptions): Promise<ProvisionedKafka> {
  const brokers = `127.0.0.1:${options.port}`;
  if (await localKafkaRunning(options)) {
    return { brokers, description: `tools/kafka broker already running on ${brokers}`, startedHere: false, stop: async () => undefined };
  }
  const startedAt = Date.now();
  try {
    await runTool('start', options);
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`tools/kafka/start failed on port ${options.port}:\n${stderr ?? String(error)}`);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  return {
    brokers,
    description: `tools/kafka broker on ${brokers} (started in ${seconds}s)`,
    startedHere: true,
    stop: () => stopLocalKafka(options),
  };
}

/**
 * Ends the broker as a crash would (SIGKILL: nothing flushed, no controlled shutdown) and starts it
 * again on the storage it left behind. Resolves once it is ready again.
 */
export async function crashAndRestartLocalKafka(options: LocalKafkaOptions): Promise<void> {
  const { stdout } = await runTool('status', options);
  const pid = Number(/pid (\d+)/.exec(stdout)?.[1]);
  if (!Number.isInteger(pid)) {
    throw new Error(`no broker of tools/kafka runs on port ${options.port}`);
  }
  process.kill(pid, 'SIGKILL');
  // A dying JVM gives its memory back (its command line reads empty, so tools/kafka sees it gone)
  // before it closes its sockets: wait until its ports are free too.
  await waitFor(
    async () => !(await localKafkaRunning(options)) && !(await portAnswers(options.port)) && !(await portAnswers(options.controllerPort)),
    { timeoutMs: 30_000, intervalMs: 100, description: `the broker killed on port ${options.port} to let go of its ports` },
  );
  try {
    await runTool('start', { ...options, keepData: true });
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    throw new Error(`tools/kafka/start could not restart the broker on port ${options.port}:\n${stderr ?? String(error)}`);
  }
}
