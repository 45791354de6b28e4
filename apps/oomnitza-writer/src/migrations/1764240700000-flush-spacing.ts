import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records outside a run used to wait WRITE_FLUSH_DELAY_MS after the first of them arrived. Now the
 * first after a quiet spell goes at once, and the delay spaces an integration's requests instead:
 * each queue row remembers when its next one may start.
 */
export class FlushSpacing1764240700000 implements MigrationInterface {
  name = 'FlushSpacing1764240700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".write_queues ADD COLUMN flush_not_before timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".write_queues DROP COLUMN flush_not_before`);
  }
}
