import { allTopics } from '@zoom-oomnitza-sync/contracts';
import { testKafka } from '@zoom-oomnitza-sync/testing';
import { acquireTestInfrastructure, releaseTestInfrastructure } from '../src';

// Inside a worker KAFKA_BROKERS and DATABASE_URL are already set, so this exercises the path
// every later jest project takes: reuse what is configured, start nothing, stop nothing.
describe('global test infrastructure', () => {
  const configured = { KAFKA_BROKERS: process.env.KAFKA_BROKERS, DATABASE_URL: process.env.DATABASE_URL };

  afterEach(() => {
    Object.assign(process.env, configured);
  });

  it('reuses the configured services, creates the catalogue topics, and keeps the settings for every user', async () => {
    await acquireTestInfrastructure();
    await acquireTestInfrastructure();

    const admin = testKafka().admin();
    await admin.connect();
    const topics = await admin.listTopics();
    await admin.disconnect();
    expect(topics).toEqual(expect.arrayContaining(allTopics()));

    await releaseTestInfrastructure();
    expect(process.env.KAFKA_BROKERS).toBe(configured.KAFKA_BROKERS);
    expect(process.env.DATABASE_URL).toBe(configured.DATABASE_URL);

    await releaseTestInfrastructure();
    expect(process.env.KAFKA_BROKERS).toBe(configured.KAFKA_BROKERS);
    expect(process.env.DATABASE_URL).toBe(configured.DATABASE_URL);
  });

  it('lets a release without an acquire pass quietly', async () => {
    await expect(releaseTestInfrastructure()).resolves.toBeUndefined();
  });
});
