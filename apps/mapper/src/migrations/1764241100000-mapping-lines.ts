import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The integration read model keeps the integration's own mapping lines, filter rules and name derivation choice. */
export class MappingLines1764241100000 implements MigrationInterface {
  name = 'MappingLines1764241100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integration_settings
        ADD COLUMN field_mappings jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN filters jsonb,
        ADD COLUMN derive_missing_names boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${schema}".integration_settings DROP COLUMN field_mappings, DROP COLUMN filters, DROP COLUMN derive_missing_names`,
    );
  }
}
