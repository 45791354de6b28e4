import { createMessagingTables, dropMessagingTables } from '@zoom-oomnitza-sync/messaging';
import { createPlatformTables, dropPlatformTables, migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables a service has (platform + messaging) plus the handler's effect table. */
export class BenchSchema1764300000000 implements MigrationInterface {
  name = 'BenchSchema1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await createPlatformTables(queryRunner, schema);
    await createMessagingTables(queryRunner, schema);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."bench_effects" (
        "id" bigserial PRIMARY KEY,
        "message_id" uuid NOT NULL,
        "scenario" text NOT NULL,
        "partition" int NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."bench_effects"`);
    await dropMessagingTables(queryRunner, schema);
    await dropPlatformTables(queryRunner, schema);
  }
}
