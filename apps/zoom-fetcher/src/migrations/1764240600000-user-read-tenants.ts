import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user read names the tenant whose credential it reads with: the credentials service hands a
 * token out only for the tenant that holds the credential. Reads waiting at the upgrade take it
 * from the integrations on their credential; one no integration uses anymore has nobody to tell.
 */
export class UserReadTenants1764240600000 implements MigrationInterface {
  name = 'UserReadTenants1764240600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".user_reads ADD COLUMN tenant_id text`);
    await queryRunner.query(`
      UPDATE "${schema}".user_reads AS read SET tenant_id = (
        SELECT tenant_id FROM "${schema}".integrations WHERE zoom_credential_id = read.zoom_credential_id LIMIT 1)`);
    await queryRunner.query(`DELETE FROM "${schema}".user_reads WHERE tenant_id IS NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}".user_reads ALTER COLUMN tenant_id SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".user_reads DROP COLUMN tenant_id`);
  }
}
