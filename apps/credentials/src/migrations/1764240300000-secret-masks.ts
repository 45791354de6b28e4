import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each secret's last four characters, kept at write time: listing credentials decrypts nothing,
 * so a secret that can no longer be decrypted breaks only its own credential. Rows from before
 * are filled at startup (StoredSecretsMaintenance), which can decrypt; a migration cannot.
 */
export class SecretMasks1764240300000 implements MigrationInterface {
  name = 'SecretMasks1764240300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${schema}".zoom_credentials ADD COLUMN client_secret_last4 text, ADD COLUMN webhook_secret_token_last4 text`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}".oomnitza_credentials ADD COLUMN api_token_last4 text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(
      `ALTER TABLE "${schema}".zoom_credentials DROP COLUMN client_secret_last4, DROP COLUMN webhook_secret_token_last4`,
    );
    await queryRunner.query(`ALTER TABLE "${schema}".oomnitza_credentials DROP COLUMN api_token_last4`);
  }
}
