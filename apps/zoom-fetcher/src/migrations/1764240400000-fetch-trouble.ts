import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A fetch remembers since when it has been waiting out passing trouble, to give up after FETCH_TROUBLE_PATIENCE_MINUTES. */
export class FetchTrouble1764240400000 implements MigrationInterface {
  name = 'FetchTrouble1764240400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".fetch_jobs ADD COLUMN troubled_since timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".fetch_jobs DROP COLUMN troubled_since`);
  }
}
