import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** What the run watchdog needs (when a run last moved, was called overdue; when an integration last synced, was called stale), and what kind of failure ended a run. */
export class RunWatchdog1764240500000 implements MigrationInterface {
  name = 'RunWatchdog1764240500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${schema}".runs ADD COLUMN last_progress_at timestamptz, ADD COLUMN overdue_alerted_at timestamptz, ADD COLUMN failure_kind text`,
    );
    await queryRunner.query(`CREATE INDEX runs_active_since ON "${schema}".runs (requested_at) WHERE status IN ('requested', 'running')`);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integrations
        ADD COLUMN last_success_at timestamptz,
        ADD COLUMN max_staleness_hours integer NOT NULL DEFAULT 26 CHECK (max_staleness_hours BETWEEN 1 AND 8760),
        ADD COLUMN stale_alerted_at timestamptz`);
    await queryRunner.query(`
      UPDATE "${schema}".integrations AS integration SET last_success_at = (
        SELECT max(finished_at) FROM "${schema}".runs WHERE integration_id = integration.id AND status = 'completed')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${schema}".integrations DROP COLUMN last_success_at, DROP COLUMN max_staleness_hours, DROP COLUMN stale_alerted_at`,
    );
    await queryRunner.query(`DROP INDEX "${schema}".runs_active_since`);
    await queryRunner.query(
      `ALTER TABLE "${schema}".runs DROP COLUMN last_progress_at, DROP COLUMN overdue_alerted_at, DROP COLUMN failure_kind`,
    );
  }
}
