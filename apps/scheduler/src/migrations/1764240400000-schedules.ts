import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrations gain a schedule (daily at 02:00 UTC unless set), its next slot and the slots it
 * skipped; an integration has at most one run that has not finished. Older duplicates, from
 * before this rule, are closed as failed.
 */
export class Schedules1764240400000 implements MigrationInterface {
  name = 'Schedules1764240400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integrations
        ADD COLUMN schedule jsonb NOT NULL DEFAULT '{"kind":"daily","time":"02:00","timezone":"UTC"}',
        ADD COLUMN next_run_at timestamptz,
        ADD COLUMN scheduled_runs_skipped integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`CREATE INDEX integrations_due_schedules ON "${schema}".integrations (next_run_at) WHERE status = 'active'`);
    await queryRunner.query(`
      UPDATE "${schema}".runs AS run SET status = 'failed', finished_at = now(),
             failure_reason = 'Superseded: an integration has one active run at a time, and a newer one was requested.'
        WHERE run.status IN ('requested', 'running') AND EXISTS (
          SELECT 1 FROM "${schema}".runs AS newer
           WHERE newer.integration_id = run.integration_id AND newer.status IN ('requested', 'running')
             AND (newer.requested_at, newer.id) > (run.requested_at, run.id))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX runs_one_active_per_integration ON "${schema}".runs (integration_id) WHERE status IN ('requested', 'running')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}".runs_one_active_per_integration`);
    await queryRunner.query(`DROP INDEX "${schema}".integrations_due_schedules`);
    await queryRunner.query(
      `ALTER TABLE "${schema}".integrations DROP COLUMN schedule, DROP COLUMN next_run_at, DROP COLUMN scheduled_runs_skipped`,
    );
  }
}
