import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox keeps each envelope as the text the publisher wrote (`json`, not `jsonb`): the relay
 * sends that text as it is, byte for byte what the size check measured, instead of parsing what
 * `jsonb` made of it and serializing it again. A service names its own subclass. History: never
 * change it.
 */
export abstract class OutboxPayloadAsWrittenMigration implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".outbox ALTER COLUMN payload TYPE json USING payload::json`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".outbox ALTER COLUMN payload TYPE jsonb USING payload::jsonb`);
  }
}
