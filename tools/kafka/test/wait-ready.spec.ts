import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from '@zoom-oomnitza-sync/testing';

const WAIT_READY = join(__dirname, '../wait-ready.js');

function waitReady(dataDir: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [WAIT_READY, testKafkaBrokers()[0], '30000', dataDir], (error, _stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr }),
    );
  });
}

// After a crash, a broker on kept storage answers before it serves the topics it kept: `start`
// must not call it ready until it does (tools/kafka/start passes the data directory on kept storage).
describe('tools/kafka wait-ready.js with a data directory', () => {
  const admin = new Kafka({ clientId: 'wait-ready', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  const topic = `wait_ready.kept.${process.pid}.${Date.now()}`;
  let dataDir: string;

  beforeAll(async () => {
    await admin.connect();
    dataDir = mkdtempSync(join(tmpdir(), 'wait-ready-'));
    // What a broker's data directory holds: a partition of a kept topic, and internal ones, which are not waited for.
    mkdirSync(join(dataDir, `${topic}-0`));
    mkdirSync(join(dataDir, '__consumer_offsets-7'));
    mkdirSync(join(dataDir, '__cluster_metadata-0'));
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is not ready while a kept topic is not served, and is once it is', async () => {
    const before = await waitReady(dataDir);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('does not host this topic-partition');

    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });

    await expect(waitReady(dataDir)).resolves.toEqual({ code: 0, stderr: '' });
  });
});
