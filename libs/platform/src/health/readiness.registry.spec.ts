import { ReadinessRegistry } from './readiness.registry';

describe('ReadinessRegistry', () => {
  it('is ready when every check passes', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', async () => undefined);
    registry.register('kafka', async () => undefined);
    expect(await registry.evaluate()).toEqual({
      ready: true,
      degraded: false,
      checks: { database: { status: 'ok' }, kafka: { status: 'ok' } },
    });
  });

  it('reports each failing check with its error', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', async () => undefined);
    registry.register('kafka', async () => {
      throw new Error('no brokers');
    });
    expect(await registry.evaluate()).toEqual({
      ready: false,
      degraded: false,
      checks: { database: { status: 'ok' }, kafka: { status: 'failed', error: 'no brokers' } },
    });
  });

  it('fails a check that never answers', async () => {
    const registry = new ReadinessRegistry();
    registry.register('stuck', () => new Promise(() => undefined));
    expect(await registry.evaluate(5)).toEqual({
      ready: false,
      degraded: false,
      checks: { stuck: { status: 'failed', error: 'no answer within 5 ms' } },
    });
  });

  it('replaces a check registered again under the same name', async () => {
    const registry = new ReadinessRegistry();
    registry.register('kafka', async () => {
      throw new Error('old');
    });
    registry.register('kafka', async () => undefined);
    expect((await registry.evaluate()).ready).toBe(true);
  });

  it('stops being ready once shutdown begins', async () => {
    const registry = new ReadinessRegistry();
    registry.register('database', async () => undefined);
    registry.onModuleDestroy();
    expect(await registry.evaluate()).toEqual({
      ready: false,
      degraded: false,
      checks: { database: { status: 'ok' }, shutdown: { status: 'failed', error: 'the service is shutting down' } },
    });
  });

  it('stays ready, degraded, while only a check that degrades it fails; not once a required one fails too', async () => {
    const registry = new ReadinessRegistry();
    let databaseDown = false;
    registry.register('database', async () => {
      if (databaseDown) {
        throw new Error('database down');
      }
    });
    registry.register('kafka', async () => Promise.reject(new Error('no brokers')), { degradesOnly: true });

    expect(await registry.evaluate()).toEqual({
      ready: true,
      degraded: true,
      checks: { database: { status: 'ok' }, kafka: { status: 'failed', error: 'no brokers' } },
    });
    databaseDown = true;
    expect(await registry.evaluate()).toMatchObject({ ready: false, degraded: false });
  });
});
