import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A portion names the tenant whose Oomnitza credential it is written with: the credentials
 * service hands a token out only for the tenant that holds the credential. Portions from before
 * take it from the integration's settings or its pending records; one that has neither belongs
 * to an integration the writer no longer hears of, and goes.
 */
export class PortionTenants1764240400000 implements MigrationInterface {
  name = 'PortionTenants1764240400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".portions ADD COLUMN tenant_id text`);
    await queryRunner.query(`
      UPDATE "${schema}".portions AS portion SET tenant_id = COALESCE(
        (SELECT tenant_id FROM "${schema}".integration_settings WHERE integration_id = portion.integration_id),
        (SELECT tenant_id FROM "${schema}".pending_records WHERE integration_id = portion.integration_id LIMIT 1))`);
    await queryRunner.query(`DELETE FROM "${schema}".portions WHERE tenant_id IS NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}".portions ALTER COLUMN tenant_id SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".portions DROP COLUMN tenant_id`);
  }
}
