import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A fetch job of a dry run says so on every page it hands on: nothing read for it is written. */
export class DryRuns1764241200000 implements MigrationInterface {
  name = 'DryRuns1764241200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".fetch_jobs ADD COLUMN dry_run boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".fetch_jobs DROP COLUMN dry_run`);
  }
}
