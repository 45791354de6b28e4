import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntegrationSettings1764240100000 implements MigrationInterface {
  name = 'IntegrationSettings1764240100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".integration_settings (
        integration_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        revision integer NOT NULL,
        state text NOT NULL,
        type text NOT NULL,
        preference text NOT NULL,
        oomnitza_credential_id text NOT NULL,
        oomnitza_role_id integer,
        sync_key text,
        field_targets jsonb NOT NULL DEFAULT '{}'
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${migrationSchema(queryRunner)}".integration_settings`);
  }
}
