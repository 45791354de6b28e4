import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each account's calls per category and UTC day, counted where the pace is kept: Zoom's Free plan
 * limits calls per day as well as per second. `exhausted_until`: Zoom said the day's calls are
 * used up (a Daily-limit 429), so nobody calls until then.
 */
export class ZoomDailyCalls1764241000000 implements MigrationInterface {
  name = 'ZoomDailyCalls1764241000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "${migrationSchema(queryRunner)}".zoom_rate_slots
        ADD COLUMN day date,
        ADD COLUMN calls_today integer NOT NULL DEFAULT 0,
        ADD COLUMN exhausted_until timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "${migrationSchema(queryRunner)}".zoom_rate_slots
        DROP COLUMN day, DROP COLUMN calls_today, DROP COLUMN exhausted_until`);
  }
}
