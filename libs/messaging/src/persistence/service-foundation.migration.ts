import { createPlatformTables, dropPlatformTables, migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createMessagingTables, dropMessagingTables } from './messaging-tables';

/**
 * What every service's first migration creates in its schema: api_keys, outbox and inbox. A
 * service names its own subclass (TypeORM records the class name). This is history: never change
 * what it creates; later changes are new migrations.
 */
export abstract class ServiceFoundationMigration implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await createPlatformTables(queryRunner, schema);
    await createMessagingTables(queryRunner, schema);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await dropMessagingTables(queryRunner, schema);
    await dropPlatformTables(queryRunner, schema);
  }
}
