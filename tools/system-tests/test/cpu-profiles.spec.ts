import { PlatformDeployment, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('a deployment with cpuProfileDir (bench:webhooks --cpu-profile-dir)', () => {
  const directory = mkdtempSync(path.join(tmpdir(), 'cpu-profiles-'));

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('leaves a V8 CPU profile of each service it started once it is destroyed', async () => {
    const deployment = await PlatformDeployment.create('cpu_profiles', { cpuProfileDir: directory });
    try {
      await waitUntilReady(await deployment.start('credentials'));
    } finally {
      await deployment.destroy();
    }

    const profiles = readdirSync(directory).filter((file) => file.endsWith('.cpuprofile'));
    expect(profiles).toHaveLength(1);
    const profile = JSON.parse(readFileSync(path.join(directory, profiles[0]), 'utf8')) as { nodes: unknown[]; samples: unknown[] };
    expect(profile.nodes.length).toBeGreaterThan(0);
    expect(profile.samples.length).toBeGreaterThan(0);
  });
});
