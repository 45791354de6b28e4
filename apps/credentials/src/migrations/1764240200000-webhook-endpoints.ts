import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { newWebhookEndpointId, WEBHOOK_ENDPOINT_ID } from '../webhook-endpoints/webhook-endpoint-id';

/** Every Zoom credential gets the unguessable id of its webhook endpoint; existing ones get theirs here. */
export class WebhookEndpoints1764240200000 implements MigrationInterface {
  name = 'WebhookEndpoints1764240200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = `"${migrationSchema(queryRunner)}".zoom_credentials`;
    await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN webhook_endpoint_id text`);
    // Random bytes from Node: PostgreSQL has no generator of them without the pgcrypto extension.
    const rows = (await queryRunner.query(`SELECT id FROM ${table}`)) as { id: string }[];
    for (const { id } of rows) {
      await queryRunner.query(`UPDATE ${table} SET webhook_endpoint_id = $1 WHERE id = $2`, [newWebhookEndpointId(), id]);
    }
    await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN webhook_endpoint_id SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE ${table} ADD CONSTRAINT zoom_credentials_webhook_endpoint_id_format CHECK (webhook_endpoint_id ~ '${WEBHOOK_ENDPOINT_ID.source}')`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX zoom_credentials_webhook_endpoint_uq ON ${table} (webhook_endpoint_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "${migrationSchema(queryRunner)}".zoom_credentials DROP COLUMN webhook_endpoint_id`);
  }
}
