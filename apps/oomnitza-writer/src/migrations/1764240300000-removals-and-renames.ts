import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Removals, the mass-removal circuit breaker and sync key renames. `integration_settings` is the
 * writer's read model of integration.changed. The sync state says when each user was last seen
 * (by which run) and whether it was marked removed, and is found by Zoom ID too. Pending records
 * say which removal they mark and which hold keeps them; `removal_holds` is at most one hold per
 * integration, `webhook_removals` the removals that webhooks made in the last hour.
 */
export class RemovalsAndRenames1764240300000 implements MigrationInterface {
  name = 'RemovalsAndRenames1764240300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".integration_settings (
        integration_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        revision integer NOT NULL,
        state text NOT NULL,
        oomnitza_credential_id text NOT NULL,
        preference text NOT NULL,
        sync_key text,
        field_targets jsonb NOT NULL DEFAULT '{}',
        on_zoom_removal text NOT NULL,
        removal_threshold_percent integer NOT NULL,
        removal_threshold_minimum integer NOT NULL
      )`);

    await queryRunner.query(`
      ALTER TABLE "${schema}".user_sync_state
        ADD COLUMN last_seen_run_id uuid,
        ADD COLUMN last_seen_at timestamptz,
        ADD COLUMN removal text`);
    await queryRunner.query(`UPDATE "${schema}".user_sync_state SET last_seen_run_id = last_run_id, last_seen_at = observed_at`);
    await queryRunner.query(
      `CREATE INDEX user_sync_state_zoom_user ON "${schema}".user_sync_state (integration_id, zoom_user_id) WHERE zoom_user_id IS NOT NULL`,
    );

    await queryRunner.query(`ALTER TABLE "${schema}".pending_records ADD COLUMN removal text, ADD COLUMN hold_id uuid`);
    await queryRunner.query(`CREATE INDEX pending_records_held ON "${schema}".pending_records (hold_id) WHERE hold_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE "${schema}".removal_holds (
        hold_id uuid PRIMARY KEY,
        integration_id text NOT NULL UNIQUE,
        tenant_id text NOT NULL,
        source text NOT NULL CHECK (source IN ('run', 'webhooks')),
        run_id uuid,
        threshold integer NOT NULL,
        synced_users integer NOT NULL,
        opened_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".webhook_removals (
        id bigserial PRIMARY KEY,
        integration_id text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX webhook_removals_window ON "${schema}".webhook_removals (integration_id, received_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".webhook_removals`);
    await queryRunner.query(`DROP TABLE "${schema}".removal_holds`);
    await queryRunner.query(`DELETE FROM "${schema}".pending_records WHERE hold_id IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "${schema}".pending_records DROP COLUMN removal, DROP COLUMN hold_id`);
    await queryRunner.query(`DROP INDEX "${schema}".user_sync_state_zoom_user`);
    await queryRunner.query(
      `ALTER TABLE "${schema}".user_sync_state DROP COLUMN last_seen_run_id, DROP COLUMN last_seen_at, DROP COLUMN removal`,
    );
    await queryRunner.query(`DROP TABLE "${schema}".integration_settings`);
  }
}
