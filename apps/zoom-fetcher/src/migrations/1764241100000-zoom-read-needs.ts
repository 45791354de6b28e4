import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A fetch job keeps what its run must ask Zoom for beyond the list, as the run request said: each user's details, custom attributes. */
export class ZoomReadNeeds1764241100000 implements MigrationInterface {
  name = 'ZoomReadNeeds1764241100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}".fetch_jobs
        ADD COLUMN read_sources jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN lists_custom_attributes boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".fetch_jobs DROP COLUMN read_sources, DROP COLUMN lists_custom_attributes`);
  }
}
