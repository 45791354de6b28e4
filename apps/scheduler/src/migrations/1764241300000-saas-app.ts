import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** A User plus SaaS user integration names the Zoom SaaS app in Oomnitza its people become SaaS users of. */
export class SaasApp1764241300000 implements MigrationInterface {
  name = 'SaasApp1764241300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".integrations ADD COLUMN oomnitza_saas_id text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".integrations DROP COLUMN oomnitza_saas_id`);
  }
}
