import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Integrations gain their webhook and reconcile settings; a run may be started by the reconcile. */
export class Reconcile1764240300000 implements MigrationInterface {
  name = 'Reconcile1764240300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      ALTER TABLE "${schema}".integrations
        ADD COLUMN webhooks_enabled boolean NOT NULL DEFAULT true,
        ADD COLUMN reconcile_interval_minutes integer NOT NULL DEFAULT 60 CHECK (reconcile_interval_minutes BETWEEN 5 AND 1440)`);
    await queryRunner.query(`ALTER TABLE "${schema}".runs DROP CONSTRAINT runs_trigger_check`);
    await queryRunner.query(
      `ALTER TABLE "${schema}".runs ADD CONSTRAINT runs_trigger_check CHECK (trigger IN ('manual', 'schedule', 'reconcile'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".runs DROP CONSTRAINT runs_trigger_check`);
    await queryRunner.query(`ALTER TABLE "${schema}".runs ADD CONSTRAINT runs_trigger_check CHECK (trigger IN ('manual', 'schedule'))`);
    await queryRunner.query(`ALTER TABLE "${schema}".integrations DROP COLUMN webhooks_enabled, DROP COLUMN reconcile_interval_minutes`);
  }
}
