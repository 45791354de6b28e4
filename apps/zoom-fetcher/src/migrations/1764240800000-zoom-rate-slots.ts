import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each Zoom account's next free call slot per rate-limit category, shared by the fetcher's replicas. */
export class ZoomRateSlots1764240800000 implements MigrationInterface {
  name = 'ZoomRateSlots1764240800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Unlogged: slots of the last second need no crash safety, and every Zoom call writes here.
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "${migrationSchema(queryRunner)}".zoom_rate_slots (
        account_id text NOT NULL,
        category text NOT NULL,
        next_slot timestamptz NOT NULL,
        PRIMARY KEY (account_id, category)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${migrationSchema(queryRunner)}".zoom_rate_slots`);
  }
}
