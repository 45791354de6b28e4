import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Integrations gain their own mapping lines, filter rules and the choice to derive missing names. */
export class CustomMapping1764241100000 implements MigrationInterface {
  name = 'CustomMapping1764241100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integrations
        ADD COLUMN field_mappings jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN filters jsonb,
        ADD COLUMN derive_missing_names boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${schema}".integrations DROP COLUMN field_mappings, DROP COLUMN filters, DROP COLUMN derive_missing_names`,
    );
  }
}
