import { QueryRunner } from 'typeorm';

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

function quotedSchema(schema: string): string {
  if (!SQL_IDENTIFIER.test(schema)) {
    throw new Error(`Schema name ${JSON.stringify(schema)} is not a lower-case SQL identifier`);
  }
  return `"${schema}"`;
}

/** For a service's migration: creates the outbox and inbox tables in its schema. */
export async function createMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  const s = quotedSchema(schema);
  await queryRunner.query(`
    CREATE TABLE ${s}."outbox" (
      "id" bigserial PRIMARY KEY,
      "message_id" uuid NOT NULL CONSTRAINT "outbox_message_id_key" UNIQUE,
      "topic" text NOT NULL,
      "message_key" text NOT NULL,
      "headers" jsonb NOT NULL,
      "payload" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "published_at" timestamptz
    )`);
  await queryRunner.query(`CREATE INDEX "outbox_unpublished_idx" ON ${s}."outbox" ("id") WHERE "published_at" IS NULL`);
  await queryRunner.query(`CREATE INDEX "outbox_published_at_idx" ON ${s}."outbox" ("published_at") WHERE "published_at" IS NOT NULL`);
  await queryRunner.query(`
    CREATE TABLE ${s}."inbox" (
      "message_id" uuid NOT NULL,
      "consumer" text NOT NULL,
      "topic" text NOT NULL,
      "partition" int NOT NULL,
      "offset" bigint NOT NULL,
      "processed_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "inbox_pkey" PRIMARY KEY ("message_id", "consumer")
    )`);
  await queryRunner.query(`CREATE INDEX "inbox_processed_at_idx" ON ${s}."inbox" ("processed_at")`);
}

export async function dropMessagingTables(queryRunner: QueryRunner, schema: string): Promise<void> {
  const s = quotedSchema(schema);
  await queryRunner.query(`DROP TABLE IF EXISTS ${s}."inbox"`);
  await queryRunner.query(`DROP TABLE IF EXISTS ${s}."outbox"`);
}
