import { Client } from 'pg';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { testDatabaseUrl } from './test-settings';
import { uniqueName } from './unique-name';

export interface TestSchema {
  readonly schema: string;
  readonly url: string;
  /**
   * TypeORM options bound to the schema (entities, migrations, and raw queries through the
   * connection's search_path); add entities and migrations as the test needs.
   */
  readonly dataSourceOptions: PostgresConnectionOptions;
  /** Runs one statement on a short-lived connection whose search_path is the schema. */
  query<Row extends Record<string, unknown> = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<Row[]>;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a PostgreSQL schema of its own for one test file (drop it in afterAll). */
export async function createTestSchema(prefix: string): Promise<TestSchema> {
  const url = testDatabaseUrl();
  const schema = uniqueName(prefix);
  await withClient(url, (client) => client.query(`CREATE SCHEMA ${client.escapeIdentifier(schema)}`));
  return {
    schema,
    url,
    dataSourceOptions: {
      type: 'postgres',
      url,
      schema,
      synchronize: false,
      migrationsRun: false,
      extra: { options: `-c search_path=${schema}` },
    },
    query: (sql, parameters) =>
      withClient(url, async (client) => {
        await client.query(`SET search_path TO ${client.escapeIdentifier(schema)}`);
        return (await client.query(sql, parameters)).rows;
      }),
    drop: () =>
      withClient(url, async (client) => {
        await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
      }),
  };
}
