import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A pending record keeps the Zoom client version its user last used, for a SaaS user's activity. */
export class SaasActivity1764241500000 implements MigrationInterface {
  name = 'SaasActivity1764241500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".pending_records ADD COLUMN last_client_version text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".pending_records DROP COLUMN last_client_version`);
  }
}
