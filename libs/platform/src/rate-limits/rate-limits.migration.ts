import { MigrationInterface, QueryRunner } from 'typeorm';
import { migrationSchema } from '../database/migration-schema';

/**
 * The rate_limits table every replica of a service counts requests in (see PostgresThrottlerStorage).
 * A service names its own subclass, as with ServiceFoundationMigration. History: never change it.
 */
export abstract class RateLimitsMigration implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    // Unlogged: counts of the last minute need no crash safety, and every request writes here.
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "${schema}".rate_limits (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        expires_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${migrationSchema(queryRunner)}".rate_limits`);
  }
}
