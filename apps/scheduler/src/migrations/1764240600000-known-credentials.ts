import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The credentials the scheduler has heard of on credentials.changed, so an integration can only
 * use its own tenant's. It fills from the topic: a deployment that ran before this migration
 * replays credentials.changed from the earliest offset for the scheduler's group (see README).
 */
export class KnownCredentials1764240600000 implements MigrationInterface {
  name = 'KnownCredentials1764240600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".known_credentials (
        credential_id text PRIMARY KEY,
        tenant_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('zoom', 'oomnitza')),
        deleted_at timestamptz,
        changed_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${migrationSchema(queryRunner)}".known_credentials`);
  }
}
