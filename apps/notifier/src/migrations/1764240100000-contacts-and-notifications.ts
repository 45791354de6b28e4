import { migrationSchema } from '@zoom-oomnitza-sync/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts per integration, in-app notifications per tenant, each email delivery with its attempts, and integrations' names. */
export class ContactsAndNotifications1764240100000 implements MigrationInterface {
  name = 'ContactsAndNotifications1764240100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    await queryRunner.query(`
      CREATE TABLE "${schema}".contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id text NOT NULL,
        integration_id uuid NOT NULL,
        name text NOT NULL,
        email text NOT NULL,
        alerts text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX contacts_one_per_email ON "${schema}".contacts (integration_id, lower(email))`);
    await queryRunner.query(`CREATE INDEX contacts_of_tenant ON "${schema}".contacts (tenant_id, integration_id)`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id text NOT NULL,
        integration_id uuid NOT NULL,
        message_id uuid NOT NULL UNIQUE,
        kind text NOT NULL,
        severity text NOT NULL,
        title text NOT NULL,
        detail text NOT NULL,
        run_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX notifications_of_tenant ON "${schema}".notifications (tenant_id, created_at DESC)`);
    await queryRunner.query(
      `CREATE INDEX notifications_unread ON "${schema}".notifications (tenant_id, created_at DESC) WHERE read_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE "${schema}".deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id text NOT NULL,
        integration_id uuid NOT NULL,
        notification_id uuid NOT NULL REFERENCES "${schema}".notifications (id) ON DELETE CASCADE,
        contact_id uuid REFERENCES "${schema}".contacts (id) ON DELETE SET NULL,
        email text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        locked_until timestamptz,
        last_error text,
        held_back integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX deliveries_due ON "${schema}".deliveries (next_attempt_at) WHERE status IN ('pending', 'sending')`,
    );
    await queryRunner.query(`CREATE INDEX deliveries_to_address ON "${schema}".deliveries (email, integration_id, kind, created_at DESC)`);
    await queryRunner.query(`CREATE INDEX deliveries_of_tenant ON "${schema}".deliveries (tenant_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".delivery_attempts (
        id bigserial PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES "${schema}".deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        outcome text NOT NULL CHECK (outcome IN ('sent', 'retry', 'failed')),
        error text
      )`);
    await queryRunner.query(`
      CREATE TABLE "${schema}".integration_names (
        integration_id uuid PRIMARY KEY,
        tenant_id text NOT NULL,
        name text NOT NULL,
        revision integer NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX delivery_attempts_of_delivery ON "${schema}".delivery_attempts (delivery_id, attempt)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = migrationSchema(queryRunner);
    for (const table of ['integration_names', 'delivery_attempts', 'deliveries', 'notifications', 'contacts']) {
      await queryRunner.query(`DROP TABLE "${schema}".${table}`);
    }
  }
}
