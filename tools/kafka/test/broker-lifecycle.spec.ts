import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { CommandResult, portAnswers, runCommand, waitFor } from '@zoom-oomnitza-sync/testing';
import { freePorts, freePortsOutsideEphemeralRange } from '@zoom-oomnitza-sync/test-infrastructure';
import { createTopicsWithLeaders } from '@zoom-oomnitza-sync/kafka-admin';

const TOOL_DIR = resolve(__dirname, '..');

function runTool(script: 'start' | 'stop' | 'status', env: NodeJS.ProcessEnv): Promise<CommandResult> {
  return runCommand(join(TOOL_DIR, script), [], { env: { ...process.env, ...env } });
}

// Starts a real broker of its own on free ports (never the developer's 9092) and takes it down.
describe('tools/kafka start, status and stop', () => {
  let runDir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;

  beforeAll(async () => {
    // Below the ephemeral range: the broker is killed and restarted on them, and no client may take one meanwhile.
    const [clientPort, controllerPort] = await freePortsOutsideEphemeralRange(2);
    port = clientPort;
    runDir = mkdtempSync(join(tmpdir(), 'kafka-lifecycle-'));
    env = { KAFKA_PORT: String(clientPort), KAFKA_CONTROLLER_PORT: String(controllerPort), KAFKA_RUN_DIR: runDir };
  });

  afterAll(async () => {
    await runTool('stop', env);
    rmSync(runDir, { recursive: true, force: true });
  });

  it('starts a broker that serves a produce/consume round trip, reports it, and stops it', async () => {
    const started = await runTool('start', env);
    expect(started).toEqual(expect.objectContaining({ code: 0 }));
    expect(started.stdout.trim()).toBe(`KAFKA_BROKERS=127.0.0.1:${port}`);

    const status = await runTool('status', env);
    expect(status).toEqual(expect.objectContaining({ code: 0 }));
    expect(status.stdout).toMatch(/^running: pid \d+/);

    const again = await runTool('start', env);
    expect(again).toEqual(expect.objectContaining({ code: 0 }));
    expect(again.stderr).toContain('already running');

    const kafka = new Kafka({ clientId: 'lifecycle', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.ERROR });
    const admin = kafka.admin();
    await admin.connect();
    await createTopicsWithLeaders(admin, [{ topic: 'lifecycle.v1', numPartitions: 1 }]);
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'lifecycle.v1', messages: [{ key: 'k', value: 'hello' }] });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: 'lifecycle', maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: ['lifecycle.v1'], fromBeginning: true });
    const received = await new Promise<string>((resolveValue) => {
      void consumer.run({ eachMessage: async ({ message }) => resolveValue(message.value?.toString() ?? '') });
    });
    await consumer.disconnect();
    expect(received).toBe('hello');

    const stopped = await runTool('stop', env);
    expect(stopped).toEqual(expect.objectContaining({ code: 0 }));
    expect(await portAnswers(port)).toBe(false);
    expect(existsSync(join(runDir, 'data'))).toBe(false);
    expect(existsSync(join(runDir, 'kafka.pid'))).toBe(false);

    const after = await runTool('status', env);
    expect(after).toEqual(expect.objectContaining({ code: 3 }));
    expect(after.stdout.trim()).toBe('not running');
  });

  it('with KAFKA_KEEP_DATA=true starts again after a crash with its topics, messages and committed offsets', async () => {
    expect(await runTool('start', env)).toEqual(expect.objectContaining({ code: 0 }));
    const kafka = new Kafka({ clientId: 'restart', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await createTopicsWithLeaders(admin, [{ topic: 'restart.v1', numPartitions: 1 }]);
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'restart.v1', acks: -1, messages: [{ key: 'k', value: 'before the crash' }] });
    await producer.disconnect();
    await admin.connect();
    await admin.setOffsets({ groupId: 'restart', topic: 'restart.v1', partitions: [{ partition: 0, offset: '1' }] });
    await admin.disconnect();

    const pid = Number((await runTool('status', env)).stdout.match(/pid (\d+)/)![1]);
    process.kill(pid, 'SIGKILL');
    await waitFor(async () => !(await portAnswers(port)), { description: 'the broker to die' });

    const restarted = await runTool('start', { ...env, KAFKA_KEEP_DATA: 'true' });
    expect(restarted).toEqual(expect.objectContaining({ code: 0 }));
    expect(restarted.stderr).toContain('kept');
    await admin.connect();
    try {
      expect(await admin.fetchTopicOffsets('restart.v1')).toEqual([expect.objectContaining({ partition: 0, high: '1' })]);
      expect(await admin.fetchOffsets({ groupId: 'restart', topics: ['restart.v1'] })).toEqual([
        { topic: 'restart.v1', partitions: [expect.objectContaining({ partition: 0, offset: '1' })] },
      ]);
    } finally {
      await admin.disconnect();
    }
    expect(await runTool('stop', env)).toEqual(expect.objectContaining({ code: 0 }));
  });

  it('refuses to start on a port another program holds, saying which', async () => {
    const [takenPort, controllerPort] = await freePorts(2);
    const squatter: Server = createServer();
    await new Promise<void>((listening) => squatter.listen(takenPort, '127.0.0.1', listening));
    try {
      const result = await runTool('start', {
        KAFKA_PORT: String(takenPort),
        KAFKA_CONTROLLER_PORT: String(controllerPort),
        KAFKA_RUN_DIR: join(runDir, 'squatted'),
      });
      expect(result).toEqual(expect.objectContaining({ code: 1 }));
      expect(result.stderr).toContain(`port ${takenPort} on 127.0.0.1 is taken by another process`);
    } finally {
      await new Promise((closed) => squatter.close(closed));
    }
  });
});
