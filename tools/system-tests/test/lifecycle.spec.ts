import { PlatformDeployment, waitUntilReady } from '@zoom-oomnitza-sync/local-platform';

describe('service lifecycle', () => {
  let deployment: PlatformDeployment;

  beforeAll(async () => {
    deployment = await PlatformDeployment.create('lifecycle');
  });

  afterAll(() => deployment?.destroy());

  it('refuses to start with a missing or malformed setting and names it', async () => {
    const service = await deployment.start('mapper', { KAFKA_BROKERS: 'not a broker list', ADMIN_API_KEY: 'short' });
    expect(await service.exited()).not.toBe(0);
    expect(service.output()).toContain('KAFKA_BROKERS');
    expect(service.output()).toContain('ADMIN_API_KEY must be at least 32 characters');
  });

  it('stops gracefully on SIGTERM and starts again on the same schema without migrating twice', async () => {
    const migrations = async () =>
      (await deployment.query<{ name: string }>('notifier', 'SELECT name FROM migrations ORDER BY id')).map((row) => row.name);
    const first = await deployment.start('notifier');
    await waitUntilReady(first);
    expect(await first.stop()).toBe(0);
    const applied = await migrations();
    expect(applied.length).toBeGreaterThan(0);

    const second = await deployment.start('notifier');
    await waitUntilReady(second);
    expect(await migrations()).toEqual(applied);
    expect(await second.stop()).toBe(0);
  });
});
