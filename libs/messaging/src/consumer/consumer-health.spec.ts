import { AppLogger, createLogger, ReadinessRegistry } from '@zoom-oomnitza-sync/platform';
import { ConsumerHealth } from './consumer-health';

describe('ConsumerHealth', () => {
  function health() {
    const readiness = new ReadinessRegistry();
    const consumer = new ConsumerHealth(readiness, new AppLogger(createLogger('messaging-test', 'silent')));
    consumer.onModuleInit();
    return { readiness, consumer };
  }

  it('keeps the replica ready through a crash kafkajs restarts from', async () => {
    const { readiness, consumer } = health();
    consumer.crashed(new Error('The coordinator is not aware of this member'), true);
    expect(await readiness.evaluate()).toMatchObject({ ready: true, checks: { consumer: { status: 'ok' } } });
  });

  it('makes the replica not ready once the consumer stopped for good, saying why', async () => {
    const { readiness, consumer } = health();
    consumer.crashed(new Error('dead-letter topic missing'), false);
    expect(await readiness.evaluate()).toEqual({
      ready: false,
      degraded: false,
      checks: {
        consumer: {
          status: 'failed',
          error: 'the Kafka consumer stopped after an error it does not retry: dead-letter topic missing; restart the replica',
        },
      },
    });
  });
});
