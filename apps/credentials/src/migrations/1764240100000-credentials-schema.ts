import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Secrets are only ever stored in the v1 encrypted form: a plaintext write fails here too. */
const ENCRYPTED = `~ '^v1\\.[A-Za-z0-9_-]{1,32}\\.'`;

export class CredentialsSchema1764240100000 implements MigrationInterface {
  name = 'CredentialsSchema1764240100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".zoom_credentials (
        id uuid PRIMARY KEY,
        tenant_id varchar(64) NOT NULL,
        name varchar(200) NOT NULL,
        installation_type text NOT NULL CHECK (installation_type = 'cloud'),
        account_id text NOT NULL,
        client_id text NOT NULL,
        client_secret text NOT NULL CHECK (client_secret ${ENCRYPTED}),
        webhook_secret_token text NULL CHECK (webhook_secret_token ${ENCRYPTED}),
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX zoom_credentials_tenant_name_uq ON "${schema}".zoom_credentials (tenant_id, name)`);
    await queryRunner.query(`CREATE INDEX zoom_credentials_tenant_created_idx ON "${schema}".zoom_credentials (tenant_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".oomnitza_credentials (
        id uuid PRIMARY KEY,
        tenant_id varchar(64) NOT NULL,
        name varchar(200) NOT NULL,
        base_url text NOT NULL,
        api_token text NOT NULL CHECK (api_token ${ENCRYPTED}),
        version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX oomnitza_credentials_tenant_name_uq ON "${schema}".oomnitza_credentials (tenant_id, name)`,
    );
    await queryRunner.query(
      `CREATE INDEX oomnitza_credentials_tenant_created_idx ON "${schema}".oomnitza_credentials (tenant_id, created_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".oomnitza_credentials`);
    await queryRunner.query(`DROP TABLE "${schema}".zoom_credentials`);
  }
}
