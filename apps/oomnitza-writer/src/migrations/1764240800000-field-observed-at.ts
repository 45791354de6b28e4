import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When Zoom's data behind each written field was read: a change of one field delivered behind a
 * newer change of another field of the same user is still applied. Rows from before fall back to
 * the user's `observed_at` for every field.
 */
export class FieldObservedAt1764240800000 implements MigrationInterface {
  name = 'FieldObservedAt1764240800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".user_sync_state ADD COLUMN field_observed_at jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".user_sync_state DROP COLUMN field_observed_at`);
  }
}
