import { MigrationInterface, QueryRunner } from 'typeorm';
import { createPlatformTables, dropPlatformTables, migrationSchema, RateLimitsMigration } from '../../src';

export class PlatformTables1764200000000 implements MigrationInterface {
  name = 'PlatformTables1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createPlatformTables(queryRunner, migrationSchema(queryRunner));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropPlatformTables(queryRunner, migrationSchema(queryRunner));
  }
}

export class RateLimits1764200000001 extends RateLimitsMigration {}
