import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every record of every dead-letter topic, as read, so operators can list and replay them. */
export class DeadLetters1764240800000 implements MigrationInterface {
  name = 'DeadLetters1764240800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".dead_letters (
        id bigserial PRIMARY KEY,
        dlq_topic text NOT NULL,
        dlq_partition integer NOT NULL,
        dlq_offset bigint NOT NULL,
        original_topic text,
        consumer_group text,
        error_kind text,
        error text,
        tenant_id text,
        integration_id text,
        message_id text,
        message_type text,
        message_key text,
        value bytea,
        headers jsonb NOT NULL,
        failed_at timestamptz,
        received_at timestamptz NOT NULL DEFAULT now(),
        replayed_at timestamptz,
        replays integer NOT NULL DEFAULT 0,
        UNIQUE (dlq_topic, dlq_partition, dlq_offset)
      )`);
    await queryRunner.query(`CREATE INDEX dead_letters_integration ON "${schema}".dead_letters (integration_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${migrationSchema(queryRunner)}".dead_letters`);
  }
}
