import { randomBytes } from 'node:crypto';
import { testDatabaseUrl, testKafkaBrokers } from './test-settings';
import { uniqueName } from './unique-name';

export interface TestEnvironment {
  DATABASE_URL: string;
  DATABASE_SCHEMA: string;
  KAFKA_BROKERS: string;
  KAFKA_TOPIC_PREFIX: string;
  ADMIN_API_KEY: string;
  [name: string]: string;
}

/**
 * The settings an app needs in a test: the provisioned database and brokers, a schema and a topic
 * prefix nobody else uses, and a random admin key. Pass the schema or prefix of a helper that
 * already created them (createTestSchema / createTestTopics) as overrides.
 */
export function testEnvironment(overrides: Record<string, string> = {}): TestEnvironment {
  return {
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: uniqueName('test'),
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: `${uniqueName('test')}.`,
    ADMIN_API_KEY: randomBytes(32).toString('hex'),
    ...overrides,
  };
}

/** Puts the settings into process.env (where the app's config reads them); returns the undo. */
export function applyEnvironment(settings: Record<string, string>): () => void {
  const before = Object.fromEntries(Object.keys(settings).map((name) => [name, process.env[name]]));
  Object.assign(process.env, settings);
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  };
}
