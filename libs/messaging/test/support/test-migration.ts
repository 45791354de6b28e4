import { createMessagingTables, dropMessagingTables, OutboxPayloadAsWrittenMigration } from '../../src';
import { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(queryRunner: QueryRunner): string {
  const schema = (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) {
    throw new Error('the test data source needs a schema');
  }
  return schema;
}

export class MessagingTestSchema1764240000000 implements MigrationInterface {
  name = 'MessagingTestSchema1764240000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await createMessagingTables(queryRunner, schema);
    await queryRunner.query(`
      CREATE TABLE "${schema}"."test_effects" (
        "id" serial PRIMARY KEY,
        "message_id" uuid NOT NULL,
        "label" text NOT NULL,
        "partition" int NOT NULL,
        "offset" bigint NOT NULL,
        "header_correlation_id" text,
        "context_correlation_id" text
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}"."test_effects"`);
    await dropMessagingTables(queryRunner, schema);
  }
}

export class OutboxPayloadAsWritten1764240100000 extends OutboxPayloadAsWrittenMigration {}
