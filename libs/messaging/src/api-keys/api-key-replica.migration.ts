import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `api_keys` becomes the read model of the keys the credentials service issues: the keys this
 * service issued itself before go (issue them again from the credentials service), and the
 * replica fills from `api-keys.changed`. A service names its own subclass. History: never change it.
 */
export abstract class ApiKeyReplicaMigration implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "${migrationSchema(queryRunner)}".api_keys`);
  }

  async down(): Promise<void> {
    // The keys deleted were issued here and are gone; the read model's rows may stay.
  }
}
