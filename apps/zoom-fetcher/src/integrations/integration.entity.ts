import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The fetcher's read model of the integrations, kept from integration.changed (newest revision
 * wins): which integrations a webhook of a Zoom credential goes to, and when each is reconciled.
 */
@Entity({ name: 'integrations' })
export class IntegrationEntity {
  @PrimaryColumn({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'text' })
  state: string;

  @Column({ name: 'zoom_credential_id' })
  zoomCredentialId: string;

  @Column({ name: 'webhooks_enabled' })
  webhooksEnabled: boolean;

  @Column({ name: 'reconcile_interval_minutes', type: 'int' })
  reconcileIntervalMinutes: number;

  /** When the reconcile next compares this integration's Zoom counts with what the fetcher saw. */
  @Column({ name: 'next_reconcile_at', type: 'timestamptz' })
  nextReconcileAt: Date;

  /** The counts differed once: confirmed by another look shortly after, or cleared. */
  @Column({ name: 'drift_suspected_at', type: 'timestamptz', nullable: true })
  driftSuspectedAt: Date | null;

  /** A webhook changed a user the fetcher never saw: the next reconcile reports drift without asking Zoom. */
  @Column({ name: 'unknown_user_at', type: 'timestamptz', nullable: true })
  unknownUserAt: Date | null;
}
