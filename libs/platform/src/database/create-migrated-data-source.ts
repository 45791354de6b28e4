import { Client } from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { quoteIdentifier } from './migration-schema';

/**
 * Creates the service's schema and runs its pending migrations (DataSource.initialize does, with
 * migrationsRun) while holding a PostgreSQL advisory lock on a separate session: replicas
 * starting together migrate one after the other instead of racing, and the schema exists
 * before TypeORM creates its migrations table in it.
 */
export async function createMigratedDataSource(options: DataSourceOptions): Promise<DataSource> {
  const { url, schema, applicationName } = options as { url?: string; schema?: string; applicationName?: string };
  if (!url || !schema) {
    throw new Error('The data source needs a url and a schema');
  }
  const client = new Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`zoom-oomnitza-sync:migrations:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    return await new DataSource(options).initialize();
  } finally {
    // Ending the session releases the lock.
    await client.end();
  }
}

/** Only a database that is not reachable yet is worth retrying; a failing migration is not. */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', '57P03'].includes(code);
}
