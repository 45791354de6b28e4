import { applyEnvironment, testEnvironment } from './test-environment';

describe('testEnvironment', () => {
  it('gives each call its own schema, topic prefix and admin key', () => {
    const first = testEnvironment();
    const second = testEnvironment();
    expect(first.DATABASE_SCHEMA).not.toBe(second.DATABASE_SCHEMA);
    expect(first.KAFKA_TOPIC_PREFIX).not.toBe(second.KAFKA_TOPIC_PREFIX);
    expect(first.ADMIN_API_KEY).not.toBe(second.ADMIN_API_KEY);
    expect(first.ADMIN_API_KEY.length).toBeGreaterThanOrEqual(32);
    expect(first.KAFKA_TOPIC_PREFIX).toMatch(/^[a-z][a-z0-9_]*\.$/);
  });

  it('points at the provisioned database and brokers', () => {
    const settings = testEnvironment();
    expect(settings.DATABASE_URL).toBe(process.env.DATABASE_URL);
    expect(settings.KAFKA_BROKERS).toBe(process.env.KAFKA_BROKERS);
  });

  it('lets overrides win', () => {
    const settings = testEnvironment({ DATABASE_SCHEMA: 'mine', HTTP_PORT: '0' });
    expect(settings.DATABASE_SCHEMA).toBe('mine');
    expect(settings.HTTP_PORT).toBe('0');
  });
});

describe('applyEnvironment', () => {
  it('sets the variables and its undo restores or removes them', () => {
    const name = `ZOS_TEST_${Date.now()}`;
    process.env.ZOS_TEST_EXISTING = 'before';
    const restore = applyEnvironment({ [name]: 'new', ZOS_TEST_EXISTING: 'during' });
    expect(process.env[name]).toBe('new');
    expect(process.env.ZOS_TEST_EXISTING).toBe('during');
    restore();
    expect(process.env[name]).toBeUndefined();
    expect(process.env.ZOS_TEST_EXISTING).toBe('before');
    delete process.env.ZOS_TEST_EXISTING;
  });
});
