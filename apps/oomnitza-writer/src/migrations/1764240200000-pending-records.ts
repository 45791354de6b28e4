import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records wait in `pending_records` until a writer loop sends them; `write_queues` holds one row
 * per integration (when it is due, who leases it, which turn last served it). Portions gain rolling
 * portions for records outside a run, and lose Oomnitza's undocumented counts. The sync state keeps
 * the fields last written, so a partial record can be merged into them.
 */
export class PendingRecords1764240200000 implements MigrationInterface {
  name = 'PendingRecords1764240200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".pending_records (
        id bigserial PRIMARY KEY,
        integration_id text NOT NULL,
        tenant_id text NOT NULL,
        run_id uuid,
        oomnitza_credential_id text NOT NULL,
        preference text NOT NULL,
        sync_field text NOT NULL,
        run_time_field text,
        ends_run boolean NOT NULL DEFAULT false,
        sync_key text,
        zoom_user_id text,
        fields jsonb,
        partial boolean NOT NULL DEFAULT false,
        observed_at timestamptz NOT NULL,
        arrived_at timestamptz NOT NULL,
        CHECK (ends_run = (sync_key IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX pending_records_integration ON "${schema}".pending_records (integration_id, id)`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".write_queues (
        integration_id text PRIMARY KEY,
        due_at timestamptz,
        served_turn bigint,
        leased_until timestamptz,
        lease_id uuid
      )`);
    await queryRunner.query(`CREATE INDEX write_queues_due ON "${schema}".write_queues (due_at) WHERE due_at IS NOT NULL`);
    await queryRunner.query(`CREATE SEQUENCE "${schema}".write_turns`);

    await queryRunner.query(`ALTER TABLE "${schema}".portions RENAME COLUMN run_id TO portion_id`);
    await queryRunner.query(`
      ALTER TABLE "${schema}".portions
        ADD COLUMN run_id uuid,
        ADD COLUMN oomnitza_credential_id text,
        ADD COLUMN status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'finalized', 'stopped')),
        ADD COLUMN opened_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN records_sent integer NOT NULL DEFAULT 0`);
    await queryRunner.query(
      `UPDATE "${schema}".portions SET run_id = portion_id, status = CASE WHEN finalized THEN 'finalized' ELSE 'open' END`,
    );
    await queryRunner.query(`
      ALTER TABLE "${schema}".portions
        DROP COLUMN added, DROP COLUMN updated, DROP COLUMN skipped, DROP COLUMN errors, DROP COLUMN finalized`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX portions_open_rolling ON "${schema}".portions (integration_id, oomnitza_credential_id)
        WHERE run_id IS NULL AND status = 'open'`);

    await queryRunner.query(`ALTER TABLE "${schema}".user_sync_state ADD COLUMN fields jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".user_sync_state DROP COLUMN fields`);
    await queryRunner.query(`DELETE FROM "${schema}".portions WHERE run_id IS NULL`);
    await queryRunner.query(`DROP INDEX "${schema}".portions_open_rolling`);
    await queryRunner.query(`
      ALTER TABLE "${schema}".portions
        ADD COLUMN added integer NOT NULL DEFAULT 0,
        ADD COLUMN updated integer NOT NULL DEFAULT 0,
        ADD COLUMN skipped integer NOT NULL DEFAULT 0,
        ADD COLUMN errors integer NOT NULL DEFAULT 0,
        ADD COLUMN finalized boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`UPDATE "${schema}".portions SET finalized = (status = 'finalized')`);
    await queryRunner.query(`
      ALTER TABLE "${schema}".portions
        DROP COLUMN run_id, DROP COLUMN oomnitza_credential_id, DROP COLUMN status, DROP COLUMN opened_at, DROP COLUMN records_sent`);
    await queryRunner.query(`ALTER TABLE "${schema}".portions RENAME COLUMN portion_id TO run_id`);
    await queryRunner.query(`DROP SEQUENCE "${schema}".write_turns`);
    await queryRunner.query(`DROP TABLE "${schema}".write_queues`);
    await queryRunner.query(`DROP TABLE "${schema}".pending_records`);
  }
}
