import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which credentials still need their owner announced once more on credentials.changed: those
 * stored before the scheduler kept a read model of whose each credential is (its group had read
 * their announcements already, and the topic may no longer hold them). Credentials created from
 * now on are announced as they are created.
 */
export class OwnerAnnouncements1764240400000 implements MigrationInterface {
  name = 'OwnerAnnouncements1764240400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    for (const table of ['zoom_credentials', 'oomnitza_credentials']) {
      await queryRunner.query(`ALTER TABLE "${schema}".${table} ADD COLUMN owner_announced boolean NOT NULL DEFAULT false`);
      await queryRunner.query(`ALTER TABLE "${schema}".${table} ALTER COLUMN owner_announced SET DEFAULT true`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    for (const table of ['zoom_credentials', 'oomnitza_credentials']) {
      await queryRunner.query(`ALTER TABLE "${schema}".${table} DROP COLUMN owner_announced`);
    }
  }
}
