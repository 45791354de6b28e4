import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A run is a full sync or a dry run, which compares with Oomnitza and writes nothing. */
export class DryRuns1764241200000 implements MigrationInterface {
  name = 'DryRuns1764241200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".runs ADD COLUMN mode text NOT NULL DEFAULT 'full_sync'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".runs DROP COLUMN mode`);
  }
}
