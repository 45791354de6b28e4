import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants take turns at fetch jobs: each tenant's last claim, to serve the least recently served first. */
export class FetchTenants1764240500000 implements MigrationInterface {
  name = 'FetchTenants1764240500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`CREATE TABLE "${schema}".fetch_tenants (tenant_id text PRIMARY KEY, last_claimed_at timestamptz)`);
    await queryRunner.query(`INSERT INTO "${schema}".fetch_tenants (tenant_id) SELECT DISTINCT tenant_id FROM "${schema}".fetch_jobs`);
    await queryRunner.query(`CREATE INDEX fetch_jobs_fetching_by_tenant ON "${schema}".fetch_jobs (tenant_id) WHERE status = 'fetching'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`DROP INDEX "${schema}".fetch_jobs_fetching_by_tenant`);
    await queryRunner.query(`DROP TABLE "${schema}".fetch_tenants`);
  }
}
