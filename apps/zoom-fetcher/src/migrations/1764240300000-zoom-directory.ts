import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The users the fetcher saw per Zoom credential (full-sync pages, webhooks, reads), the census a
 * clean full sync leaves behind, and each integration's reconcile settings and schedule.
 */
export class ZoomDirectory1764240300000 implements MigrationInterface {
  name = 'ZoomDirectory1764240300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".known_users (
        zoom_credential_id text NOT NULL,
        user_key text NOT NULL,
        email text,
        status text CHECK (status IN ('active', 'inactive', 'pending', 'removed')),
        type integer,
        observed_at timestamptz NOT NULL,
        PRIMARY KEY (zoom_credential_id, user_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".directory_census (
        zoom_credential_id text PRIMARY KEY,
        offsets jsonb NOT NULL,
        taken_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integrations
        ADD COLUMN webhooks_enabled boolean NOT NULL DEFAULT true,
        ADD COLUMN reconcile_interval_minutes integer NOT NULL DEFAULT 60,
        ADD COLUMN next_reconcile_at timestamptz NOT NULL DEFAULT now() + interval '60 minutes',
        ADD COLUMN drift_suspected_at timestamptz,
        ADD COLUMN unknown_user_at timestamptz`);
    await queryRunner.query(`CREATE INDEX ON "${schema}".integrations (next_reconcile_at) WHERE state = 'active' AND webhooks_enabled`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integrations
        DROP COLUMN webhooks_enabled, DROP COLUMN reconcile_interval_minutes, DROP COLUMN next_reconcile_at,
        DROP COLUMN drift_suspected_at, DROP COLUMN unknown_user_at`);
    await queryRunner.query(`DROP TABLE "${schema}".directory_census`);
    await queryRunner.query(`DROP TABLE "${schema}".known_users`);
  }
}
