import { MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { TestSchema } from './test-schema';

export interface ServiceTables {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations: NonNullable<DataSourceOptions['migrations']>;
}

export interface ServiceDataSourceOptions {
  /** Run the service's migrations first (default true). */
  migrate?: boolean;
  /** The pool's client class, as the service's own (platform's PreparedStatementClient); pg's by default. */
  poolClient?: typeof Client;
}

/**
 * A connection pool on the test schema with a service's entities; unless told otherwise it first
 * runs the service's own migrations, so the tables are exactly those the service builds.
 */
export async function openServiceDataSource(
  schema: TestSchema,
  tables: ServiceTables,
  { migrate = true, poolClient }: ServiceDataSourceOptions = {},
): Promise<DataSource> {
  const extra = poolClient ? { ...schema.dataSourceOptions.extra, Client: poolClient } : schema.dataSourceOptions.extra;
  const dataSource = new DataSource({ ...schema.dataSourceOptions, extra, ...tables });
  await dataSource.initialize();
  try {
    if (migrate) {
      await dataSource.runMigrations({ transaction: 'each' });
    }
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/**
 * The envelopes a service wrote to its outbox for a Kafka topic (and run), oldest first. Every
 * service's first migration creates the `outbox` table (libs/messaging), with the envelope as payload.
 */
export async function outboxEnvelopes<TPayload extends object>(
  dataSource: DataSource,
  topic: string,
  runId?: string,
): Promise<MessageEnvelope<TPayload>[]> {
  const rows = (await dataSource.query('SELECT payload FROM outbox WHERE topic = $1 ORDER BY id', [topic])) as Array<{
    payload: MessageEnvelope<TPayload>;
  }>;
  return rows.map((row) => row.payload).filter((envelope) => runId === undefined || envelope.runId === runId);
}
