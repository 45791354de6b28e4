import { QueryRunner } from 'typeorm';
import { quoteIdentifier } from '../database/migration-schema';

/** Creates the platform's tables (api_keys) in a service's schema: call it from the service's first migration. */
export async function createPlatformTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  const table = `${quoteIdentifier(schema)}.api_keys`;
  await queryRunner.query(`
    CREATE TABLE ${table} (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id varchar(64) NOT NULL,
      name varchar(100) NOT NULL,
      scopes text[] NOT NULL,
      key_hash char(64) NOT NULL,
      key_prefix varchar(8) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz NULL
    )`);
  await queryRunner.query(`CREATE UNIQUE INDEX api_keys_key_hash_uq ON ${table} (key_hash)`);
  await queryRunner.query(`CREATE INDEX api_keys_tenant_id_idx ON ${table} (tenant_id)`);
}

export async function dropPlatformTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE IF EXISTS ${quoteIdentifier(schema)}.api_keys`);
}
