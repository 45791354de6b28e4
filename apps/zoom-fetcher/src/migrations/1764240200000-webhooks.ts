import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The webhook path: integrations read model, events taken in (dedupe), users waiting to be read. */
export class Webhooks1764240200000 implements MigrationInterface {
  name = 'Webhooks1764240200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".integrations (
        integration_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        revision integer NOT NULL,
        state text NOT NULL,
        zoom_credential_id text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ON "${schema}".integrations (zoom_credential_id)`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".webhook_events (
        id bigserial PRIMARY KEY,
        zoom_credential_id text NOT NULL,
        event text NOT NULL,
        user_key text NOT NULL,
        event_ts bigint NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_events_once UNIQUE (zoom_credential_id, event, user_key, event_ts)
      )`);
    await queryRunner.query(`CREATE INDEX ON "${schema}".webhook_events (received_at)`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".user_reads (
        id bigserial PRIMARY KEY,
        zoom_credential_id text NOT NULL,
        user_id text NOT NULL,
        zoom_account_id text NOT NULL,
        state text NOT NULL CHECK (state IN ('pending', 'reading')),
        event text NOT NULL,
        event_ts bigint NOT NULL,
        webhook_user jsonb NOT NULL,
        previous jsonb,
        events integer NOT NULL DEFAULT 1,
        attempts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        claim_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One pending read per user: events join it until a reader takes it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX user_reads_one_pending ON "${schema}".user_reads (zoom_credential_id, user_id) WHERE state = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX ON "${schema}".user_reads (zoom_credential_id, user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".user_reads`);
    await queryRunner.query(`DROP TABLE "${schema}".webhook_events`);
    await queryRunner.query(`DROP TABLE "${schema}".integrations`);
  }
}
