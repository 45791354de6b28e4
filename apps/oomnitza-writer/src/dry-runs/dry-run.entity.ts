import { SyncPreference } from '@zoom-oomnitza-sync/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A dry run as the writer knows it from its records: where it compares, and whether the mapper is done. */
@Entity({ name: 'dry_runs' })
export class DryRunEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'oomnitza_credential_id' })
  oomnitzaCredentialId: string;

  @Column({ type: 'text' })
  preference: SyncPreference;

  @Column({ name: 'sync_field' })
  syncField: string;

  @Column({ name: 'run_time_field', type: 'text', nullable: true })
  runTimeField: string | null;

  /** The mapper sent the run's last batch. */
  @Column({ name: 'last_batch_seen', default: false })
  lastBatchSeen: boolean;

  /** The scheduler has heard that every user is compared. */
  @Column({ default: false })
  finished: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
