import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A SaaS user status change Oomnitza did not take is remembered, and tried again with the user's next record. */
export class SaasStatusDue1764241400000 implements MigrationInterface {
  name = 'SaasStatusDue1764241400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${migrationSchema(queryRunner)}".user_sync_state ADD COLUMN saas_status_due boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".user_sync_state DROP COLUMN saas_status_due`);
  }
}
