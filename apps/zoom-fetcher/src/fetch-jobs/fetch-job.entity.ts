import { Column, Entity, PrimaryColumn } from 'typeorm';

export const FETCH_JOB_STATUSES = ['queued', 'fetching', 'completed', 'failed'] as const;
export type FetchJobStatus = (typeof FETCH_JOB_STATUSES)[number];

/** A full sync the scheduler asked for: one per run, whatever the number of deliveries. */
@Entity({ name: 'fetch_jobs' })
export class FetchJobEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' })
  runId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'zoom_credential_id' })
  zoomCredentialId: string;

  @Column({ name: 'user_statuses', type: 'text', array: true })
  userStatuses: string[];

  @Column({ type: 'text' })
  status: FetchJobStatus;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
