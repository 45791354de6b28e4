import { allTopics } from '@zoom-oomnitza-sync/contracts';
import { ensureTopics, splitBrokers } from '@zoom-oomnitza-sync/testing';
import { provisionKafka } from './kafka/provision-kafka';
import { provisionPostgres } from './postgres/provision-postgres';
import { Provisioned, ProvisionedKafka, ProvisionedPostgres } from './provisioned';

interface TestInfrastructure {
  kafka: ProvisionedKafka;
  postgres: ProvisionedPostgres;
  environmentBefore: Record<'KAFKA_BROKERS' | 'DATABASE_URL', string | undefined>;
  /** Global setups that are using it and have not torn down yet. */
  users: number;
}

// Jest may run the global setup once per project in the same process: the first one provisions,
// later ones reuse, and the last teardown gives back what was started.
const STATE = Symbol.for('zoom-oomnitza-sync.test-infrastructure');
type StateHolder = { [STATE]?: TestInfrastructure };
const holder = globalThis as StateHolder;

async function provisionBoth(): Promise<Pick<TestInfrastructure, 'kafka' | 'postgres'>> {
  const [kafka, postgres] = await Promise.allSettled([provisionKafka({ containers: true }), provisionPostgres({ containers: true })]);
  if (kafka.status === 'fulfilled' && postgres.status === 'fulfilled') {
    return { kafka: kafka.value, postgres: postgres.value };
  }
  const started: Provisioned[] = [kafka, postgres].flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  await Promise.allSettled(started.map((service) => service.stop()));
  const reasons = [kafka, postgres].flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
  throw new Error(`Test infrastructure could not be provisioned:\n${reasons.join('\n')}`);
}

function restoreEnvironment(values: TestInfrastructure['environmentBefore']): void {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) {
      delete process.env[name];
    } else {
      process.env[name] = value;
    }
  }
}

export async function acquireTestInfrastructure(): Promise<void> {
  const existing = holder[STATE];
  if (existing) {
    existing.users += 1;
    return;
  }
  const { kafka, postgres } = await provisionBoth();
  try {
    await ensureTopics(splitBrokers(kafka.brokers), allTopics(), { partitions: 3, replicationFactor: 1 });
  } catch (error) {
    await Promise.allSettled([kafka.stop(), postgres.stop()]);
    throw error;
  }
  const environmentBefore = { KAFKA_BROKERS: process.env.KAFKA_BROKERS, DATABASE_URL: process.env.DATABASE_URL };
  holder[STATE] = { kafka, postgres, environmentBefore, users: 1 };
  // Workers start after the global setup and inherit this environment.
  process.env.KAFKA_BROKERS = kafka.brokers;
  process.env.DATABASE_URL = postgres.url;
  console.log(`\n[test infrastructure] Kafka: ${kafka.description}; PostgreSQL: ${postgres.description}`);
}

export async function releaseTestInfrastructure(): Promise<void> {
  const infrastructure = holder[STATE];
  if (!infrastructure) {
    return;
  }
  infrastructure.users -= 1;
  if (infrastructure.users > 0) {
    return;
  }
  delete holder[STATE];
  restoreEnvironment(infrastructure.environmentBefore);
  await Promise.all([infrastructure.kafka.stop(), infrastructure.postgres.stop()]);
}
