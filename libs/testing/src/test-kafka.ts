import { Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from './test-settings';

/** A kafkajs client on the test brokers that stays quiet unless something is wrong. */
export function testKafka(clientId = 'test'): Kafka {
  return new Kafka({ clientId, brokers: testKafkaBrokers(), logLevel: logLevel.ERROR });
}
