import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { allTopics } from '@zoom-oomnitza-sync/contracts';
import { CommandResult, portAnswers, runCommand } from '@zoom-oomnitza-sync/testing';
import { freePorts } from '@zoom-oomnitza-sync/test-infrastructure';

const ROOT = resolve(__dirname, '../../..');

function runScript(script: 'infra-up' | 'infra-down', env: NodeJS.ProcessEnv): Promise<CommandResult> {
  return runCommand(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'tools/infra/src', `${script}.ts`)], { cwd: ROOT, env });
}

// A broker of its own on free ports (never the developer's 9092); PostgreSQL comes from
// DATABASE_URL, so the embedded path is covered by embedded-postgres-daemon.spec.ts.
describe('npm run infra:up / infra:down', () => {
  let stateDir: string;
  let env: NodeJS.ProcessEnv;
  let port: number;

  beforeAll(async () => {
    const [kafkaPort, controllerPort] = await freePorts(2);
    port = kafkaPort;
    stateDir = mkdtempSync(join(tmpdir(), 'infra-state-'));
    env = { ...process.env, INFRA_STATE_DIR: stateDir, KAFKA_PORT: String(kafkaPort), KAFKA_CONTROLLER_PORT: String(controllerPort) };
    delete env.KAFKA_BROKERS;
  });

  afterAll(async () => {
    await runScript('infra-down', env);
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('starts Kafka with the catalogue topics, prints the settings, and stops only what it started', async () => {
    const up = await runScript('infra-up', env);
    expect(up).toEqual(expect.objectContaining({ code: 0 }));
    expect(up.stdout.trim().split('\n')).toEqual([
      `export KAFKA_BROKERS=127.0.0.1:${port}`,
      `export DATABASE_URL=${process.env.DATABASE_URL}`,
    ]);

    const admin = new Kafka({ clientId: 'infra-test', brokers: [`127.0.0.1:${port}`], logLevel: logLevel.ERROR }).admin();
    await admin.connect();
    const topics = await admin.listTopics();
    await admin.disconnect();
    expect(topics).toEqual(expect.arrayContaining(allTopics()));

    const again = await runScript('infra-up', env);
    expect(again).toEqual(expect.objectContaining({ code: 0 }));
    expect(again.stderr).toContain('already up');
    expect(again.stdout).toBe(up.stdout);

    const down = await runScript('infra-down', env);
    expect(down).toEqual(expect.objectContaining({ code: 0 }));
    expect(await portAnswers(port)).toBe(false);
    expect(existsSync(join(stateDir, 'infra-state.json'))).toBe(false);

    const downAgain = await runScript('infra-down', env);
    expect(downAgain).toEqual(expect.objectContaining({ code: 0 }));
    expect(downAgain.stderr).toContain('nothing to stop');
  });
});
