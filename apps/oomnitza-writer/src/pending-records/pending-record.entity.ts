import { HeldRemovalKind, OomnitzaFieldValue, SyncPreference } from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A record received and not yet written, with what its message said about how to write it. Ids
 * grow in order of arrival: an integration's records are written in id order.
 */
@Entity({ name: 'pending_records' })
export class PendingRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  /** Null: a change outside any run (a webhook), written to the integration's rolling portion. */
  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @Column({ name: 'oomnitza_credential_id' })
  oomnitzaCredentialId: string;

  @Column({ type: 'text' })
  preference: SyncPreference;

  @Column({ name: 'sync_field' })
  syncField: string;

  @Column({ name: 'run_time_field', type: 'text', nullable: true })
  runTimeField: string | null;

  /** Not a record: the run's last batch ends here, so its portion is finalized once this is reached. */
  @Column({ name: 'ends_run', default: false })
  endsRun: boolean;

  @Column({ name: 'sync_key', type: 'text', nullable: true })
  syncKey: string | null;

  @Column({ name: 'zoom_user_id', type: 'text', nullable: true })
  zoomUserId: string | null;

  /** User plus SaaS user: the Zoom client version the user last used, for the SaaS user's activity. */
  @Column({ name: 'last_client_version', type: 'text', nullable: true })
  lastClientVersion: string | null;

  @Column({ type: 'jsonb', nullable: true })
  fields: Record<string, OomnitzaFieldValue> | null;

  @Column({ default: false })
  partial: boolean;

  /** The removal the record marks (deactivation included), if any. */
  @Column({ type: 'text', nullable: true })
  removal: HeldRemovalKind | null;

  /** Held by the mass-removal circuit breaker until someone approves or discards the hold: never written before. */
  @Column({ name: 'hold_id', type: 'uuid', nullable: true })
  holdId: string | null;

  @Column({ name: 'observed_at', type: 'timestamptz' })
  observedAt: Date;

  /** When the writer received it: the start of the latency it reports. */
  @Column({ name: 'arrived_at', type: 'timestamptz' })
  arrivedAt: Date;
}
