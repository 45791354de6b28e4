import { applyEnvironment } from '@zoom-oomnitza-sync/testing';
import { provisionKafka, ProvisionedKafka, ProvisionedPostgres, provisionPostgres } from '@zoom-oomnitza-sync/test-infrastructure';
import { Cleanup } from './cleanup';
import { progress } from './progress';

export interface Infrastructure {
  kafka: ProvisionedKafka;
  postgres: ProvisionedPostgres;
}

/**
 * Kafka and PostgreSQL as `npm run infra:up` finds them: KAFKA_BROKERS / DATABASE_URL when set,
 * else the tools/kafka broker on 127.0.0.1:$KAFKA_PORT (9092) and the local server's `test`
 * database. What this starts is stopped by the cleanup. The testing helpers read the settings
 * from the environment, so they are put there.
 */
export async function provisionInfrastructure(cleanup: Cleanup): Promise<Infrastructure> {
  const port = Number(process.env.KAFKA_PORT ?? 9092);
  progress('provisioning Kafka and PostgreSQL');
  const controllerPort = Number(process.env.KAFKA_CONTROLLER_PORT ?? port + 1);
  const kafka = await provisionKafka({ containers: false, port, controllerPort });
  cleanup.add(`stop Kafka (${kafka.description})`, () => kafka.stop());
  const postgres = await provisionPostgres({ containers: false });
  cleanup.add(`stop PostgreSQL (${postgres.description})`, () => postgres.stop());
  cleanup.add('restore KAFKA_BROKERS and DATABASE_URL', applyEnvironment({ KAFKA_BROKERS: kafka.brokers, DATABASE_URL: postgres.url }));
  progress(`Kafka: ${kafka.description}; PostgreSQL: ${postgres.description}`);
  return { kafka, postgres };
}
