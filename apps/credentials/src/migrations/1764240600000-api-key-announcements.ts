import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which API keys still need announcing on api-keys.changed: those issued before every service
 * verified keys issued here (ApiKeyAnnouncements does it at the next start). Keys issued from now
 * on are announced as they are issued.
 */
export class ApiKeyAnnouncements1764240600000 implements MigrationInterface {
  name = 'ApiKeyAnnouncements1764240600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".api_keys ADD COLUMN announced boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "${schema}".api_keys ALTER COLUMN announced SET DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".api_keys DROP COLUMN announced`);
  }
}
