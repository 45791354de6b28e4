import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dry runs: what each user of the run would become in Oomnitza, compared in batches and kept, never written. */
export class DryRuns1764240900000 implements MigrationInterface {
  name = 'DryRuns1764240900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".dry_runs (
        run_id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        integration_id text NOT NULL,
        oomnitza_credential_id text NOT NULL,
        preference text NOT NULL,
        sync_field text NOT NULL,
        run_time_field text,
        last_batch_seen boolean NOT NULL DEFAULT false,
        finished boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".dry_run_users (
        id bigserial PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES "${schema}".dry_runs (run_id) ON DELETE CASCADE,
        user_key text NOT NULL,
        zoom_user_id text,
        proposed jsonb,
        outcome text,
        changes jsonb,
        reason text
      )`);
    await queryRunner.query(`CREATE INDEX dry_run_users_by_run ON "${schema}".dry_run_users (run_id, id)`);
    await queryRunner.query(`CREATE INDEX dry_run_users_by_key ON "${schema}".dry_run_users (run_id, user_key)`);
    await queryRunner.query(`CREATE INDEX dry_run_users_to_compare ON "${schema}".dry_run_users (run_id, id) WHERE outcome IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".dry_run_users`);
    await queryRunner.query(`DROP TABLE "${schema}".dry_runs`);
  }
}
