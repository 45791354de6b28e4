import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SyncState1764240100000 implements MigrationInterface {
  name = 'SyncState1764240100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".user_sync_state (
        integration_id text NOT NULL,
        sync_key text NOT NULL,
        zoom_user_id text,
        content_hash text NOT NULL,
        observed_at timestamptz NOT NULL,
        last_run_id uuid,
        written_at timestamptz NOT NULL,
        PRIMARY KEY (integration_id, sync_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".portions (
        run_id uuid PRIMARY KEY,
        integration_id text NOT NULL,
        added integer NOT NULL DEFAULT 0,
        updated integer NOT NULL DEFAULT 0,
        skipped integer NOT NULL DEFAULT 0,
        errors integer NOT NULL DEFAULT 0,
        finalized boolean NOT NULL DEFAULT false
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP TABLE "${schema}".portions`);
    await queryRunner.query(`DROP TABLE "${schema}".user_sync_state`);
  }
}
