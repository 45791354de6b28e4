import { splitBrokers } from './ensure-topics';

function required(name: 'KAFKA_BROKERS' | 'DATABASE_URL'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run tests through jest with the workspace preset, whose global setup provides it`);
  }
  return value;
}

/** The brokers the global setup provisioned, as kafkajs wants them. */
export function testKafkaBrokers(): string[] {
  return splitBrokers(required('KAFKA_BROKERS'));
}

/** The PostgreSQL database the global setup provisioned. */
export function testDatabaseUrl(): string {
  return required('DATABASE_URL');
}
