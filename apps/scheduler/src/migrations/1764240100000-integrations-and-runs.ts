import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class IntegrationsAndRuns1764240100000 implements MigrationInterface {
  name = 'IntegrationsAndRuns1764240100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".integrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id text NOT NULL,
        name text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'active', 'paused')),
        type text NOT NULL CHECK (type IN ('user', 'user_and_saas')),
        preference text NOT NULL CHECK (preference IN ('create_and_update', 'create_only', 'update_only')),
        zoom_credential_id text NOT NULL,
        oomnitza_credential_id text NOT NULL,
        oomnitza_role_id integer,
        sync_key text NOT NULL CHECK (sync_key IN ('email', 'zoom_id')),
        field_targets jsonb NOT NULL DEFAULT '{}',
        revision integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ON "${schema}".integrations (tenant_id, created_at)`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id text NOT NULL,
        integration_id uuid NOT NULL REFERENCES "${schema}".integrations (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('requested', 'running', 'completed', 'failed')),
        trigger text NOT NULL CHECK (trigger IN ('manual', 'schedule')),
        requested_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        failure_reason text,
        fetched integer NOT NULL DEFAULT 0,
        mapped integer NOT NULL DEFAULT 0,
        rejected integer NOT NULL DEFAULT 0,
        created integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        unchanged integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        deactivated integer NOT NULL DEFAULT 0,
        failed integer NOT NULL DEFAULT 0,
        fetch_completed boolean NOT NULL DEFAULT false,
        map_completed boolean NOT NULL DEFAULT false,
        write_finished boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`CREATE INDEX ON "${schema}".runs (tenant_id, integration_id, requested_at)`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".run_errors (
        id bigserial PRIMARY KEY,
        run_id uuid NOT NULL REFERENCES "${schema}".runs (id) ON DELETE CASCADE,
        stage text NOT NULL CHECK (stage IN ('fetch', 'map', 'write')),
        record_key text NOT NULL,
        reason text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX ON "${schema}".run_errors (run_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".run_errors`);
    await queryRunner.query(`DROP TABLE "${schema}".runs`);
    await queryRunner.query(`DROP TABLE "${schema}".integrations`);
  }
}
