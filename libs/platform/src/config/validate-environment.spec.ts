import { IsString } from 'class-validator';
import { BaseEnvironment } from './base-environment';
import { validateEnvironment } from './validate-environment';

const VALID = {
  KAFKA_BROKERS: 'broker-1:9092,broker-2:9092',
  ADMIN_API_KEY: 'a'.repeat(32),
};

describe('validateEnvironment', () => {
  const validate = validateEnvironment(BaseEnvironment);

  it('returns typed settings with the defaults filled in', () => {
    const settings = validate({ ...VALID, HTTP_PORT: '3102', OUTBOX_BATCH_SIZE: '50', KAFKA_CREATE_TOPICS: 'true' });
    expect(settings).toBeInstanceOf(BaseEnvironment);
    expect(settings).toMatchObject({
      HTTP_PORT: 3102,
      OUTBOX_BATCH_SIZE: 50,
      KAFKA_CREATE_TOPICS: true,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      KAFKA_TOPIC_PREFIX: '',
      LOG_LEVEL: 'info',
      MESSAGING_MAX_ATTEMPTS: 5,
      DATABASE_POOL_SIZE: 10,
      API_KEY_CACHE_TTL_MS: 5_000,
    });
    expect(settings.DATABASE_SCHEMA).toBeUndefined();
  });

  it('names every missing setting', () => {
    expect(() => validate({})).toThrow(/^Invalid configuration:\n {2}- KAFKA_BROKERS: .*\n {2}- ADMIN_API_KEY: .*$/);
  });

  it.each([
    ['HTTP_PORT', 'eighty'],
    ['HTTP_PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/app'],
    ['DATABASE_SCHEMA', 'Robert"); DROP TABLE'],
    ['KAFKA_BROKERS', 'localhost'],
    ['KAFKA_TOPIC_PREFIX', 'has space'],
    ['LOG_LEVEL', 'loud'],
    ['ADMIN_API_KEY', 'too-short'],
    ['MESSAGING_MAX_ATTEMPTS', '0'],
    ['DATABASE_POOL_SIZE', 'many'],
    ['API_KEY_CACHE_TTL_MS', '-1'],
  ])('names a malformed %s (%p) and nothing else', (name, value) => {
    let message = '';
    try {
      validate({ ...VALID, [name]: value });
    } catch (error) {
      message = (error as Error).message;
    }
    const named = message.split('\n').slice(1);
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(new RegExp(`^ {2}- ${name}: `));
  });

  it('treats empty values as unset, so defaults apply', () => {
    const settings = validate({ ...VALID, LOG_LEVEL: '', HTTP_PORT: '' });
    expect(settings.LOG_LEVEL).toBe('info');
    expect(settings.HTTP_PORT).toBeUndefined();
  });

  it("checks a service's own settings next to the base ones", () => {
    class SchedulerEnvironment extends BaseEnvironment {
      @IsString()
      SCHEDULER_TICK: string;
    }
    expect(() => validateEnvironment(SchedulerEnvironment)(VALID)).toThrow(/SCHEDULER_TICK/);
    expect(validateEnvironment(SchedulerEnvironment)({ ...VALID, SCHEDULER_TICK: '1m' }).SCHEDULER_TICK).toBe('1m');
  });
});
