import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class FetchJobs1764240100000 implements MigrationInterface {
  name = 'FetchJobs1764240100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".fetch_jobs (
        run_id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        integration_id text NOT NULL,
        zoom_credential_id text NOT NULL,
        user_statuses text[] NOT NULL,
        run_started_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'fetching', 'completed', 'failed')),
        requested_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        not_before timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        pass_index integer NOT NULL DEFAULT 0,
        next_page_token text,
        page_number integer NOT NULL DEFAULT 1,
        users_fetched integer NOT NULL DEFAULT 0,
        failure_reason text,
        finished_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX ON "${schema}".fetch_jobs (status, not_before, requested_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${migrationSchema(queryRunner)}".fetch_jobs`);
  }
}
