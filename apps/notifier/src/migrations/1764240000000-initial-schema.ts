import { createMessagingTables, dropMessagingTables } from '@zoom-oomnitza-sync/messaging';
import { createPlatformTables, dropPlatformTables, migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764240000000 implements MigrationInterface {
  name = 'InitialSchema1764240000000';

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
