import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Integrations gain their own mapping lines, filter rules and the choice to derive missing names; runs count what they did. */
export class CustomMapping1764241100000 implements MigrationInterface {
  name = 'CustomMapping1764241100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integrations
        ADD COLUMN field_mappings jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN filters jsonb,
        ADD COLUMN derive_missing_names boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`
      ALTER TABLE "${schema}".runs
        ADD COLUMN filtered integer NOT NULL DEFAULT 0,
        ADD COLUMN names_derived integer NOT NULL DEFAULT 0`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".runs DROP COLUMN filtered, DROP COLUMN names_derived`);
    await queryRunner.query(
      `ALTER TABLE "${schema}".integrations DROP COLUMN field_mappings, DROP COLUMN filters, DROP COLUMN derive_missing_names`,
    );
  }
}
