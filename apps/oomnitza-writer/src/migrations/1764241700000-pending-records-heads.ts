import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The heads the write loop reads (an integration's records not held; of those, the ones outside a
 * run) each get an index of their own. Without one, a queue that filled faster than autovacuum
 * gathers statistics was read whole, and sorted, for every batch of a hundred.
 */
export class PendingRecordsHeads1764241700000 implements MigrationInterface {
  name = 'PendingRecordsHeads1764241700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = `"${migrationSchema(queryRunner)}".pending_records`;
    await queryRunner.query(`CREATE INDEX pending_records_writable ON ${table} (integration_id, id) WHERE hold_id IS NULL`);
    await queryRunner.query(
      `CREATE INDEX pending_records_outside_runs ON ${table} (integration_id, id) WHERE run_id IS NULL AND hold_id IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}".pending_records_outside_runs`);
    await queryRunner.query(`DROP INDEX "${schema}".pending_records_writable`);
  }
}
