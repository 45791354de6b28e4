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
        zoom_credential_id text NOT NULL,
        oomnitza_credential_id text NOT NULL,
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
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX ON "${schema}".runs (tenant_id, integration_id, requested_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".runs`);
    await queryRunner.query(`DROP TABLE "${schema}".integrations`);
  }
}
