import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The writer learns each integration's type and, for User plus SaaS user, the Zoom SaaS app in Oomnitza. */
export class SaasApp1764241000000 implements MigrationInterface {
  name = 'SaasApp1764241000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "${migrationSchema(queryRunner)}".integration_settings
        ADD COLUMN type text NOT NULL DEFAULT 'user',
        ADD COLUMN oomnitza_saas_id text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${migrationSchema(queryRunner)}".integration_settings DROP COLUMN type, DROP COLUMN oomnitza_saas_id`,
    );
  }
}
