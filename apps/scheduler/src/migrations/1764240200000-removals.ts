import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrations gain their removal policy and mass-removal threshold (defaults for those that
 * exist: mark, 10 %, at least 20 people); `held_removals` keeps what the writer held for approval
 * and what became of it, so a late report about a decided hold cannot revive it.
 */
export class Removals1764240200000 implements MigrationInterface {
  name = 'Removals1764240200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integrations
        ADD COLUMN on_zoom_removal text NOT NULL DEFAULT 'mark' CHECK (on_zoom_removal IN ('mark', 'ignore')),
        ADD COLUMN removal_threshold_percent integer NOT NULL DEFAULT 10 CHECK (removal_threshold_percent BETWEEN 0 AND 100),
        ADD COLUMN removal_threshold_minimum integer NOT NULL DEFAULT 20 CHECK (removal_threshold_minimum >= 0)`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".held_removals (
        hold_id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        integration_id uuid NOT NULL REFERENCES "${schema}".integrations (id) ON DELETE CASCADE,
        status text NOT NULL CHECK (status IN ('held', 'approved', 'discarded')),
        source text NOT NULL CHECK (source IN ('run', 'webhooks')),
        run_id uuid,
        count integer NOT NULL,
        threshold integer NOT NULL,
        synced_users integer NOT NULL,
        examples jsonb NOT NULL DEFAULT '[]',
        held_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX held_removals_held ON "${schema}".held_removals (integration_id) WHERE status = 'held'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".held_removals`);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integrations
        DROP COLUMN on_zoom_removal, DROP COLUMN removal_threshold_percent, DROP COLUMN removal_threshold_minimum`);
  }
}
