import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PortionStatus = 'open' | 'finalized' | 'stopped';

/**
 * One Oomnitza portion (a run in Oomnitza's run history): a sync run's (its id is the run id), or
 * a rolling portion the writer opens for an integration's records outside a run.
 */
@Entity({ name: 'portions' })
export class PortionEntity {
  @PrimaryColumn({ name: 'portion_id', type: 'uuid' })
  portionId: string;

  /** The run whose portion this is; null for a rolling portion. */
  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @Column({ name: 'integration_id' })
  integrationId: string;

  /** Whose credential the portion is written with: named when asking for its token. */
  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  /** Where the portion lives: a rolling portion is finalized with it once nothing else is sent to it. */
  @Column({ name: 'oomnitza_credential_id', type: 'text', nullable: true })
  oomnitzaCredentialId: string | null;

  /** Stopped: the run failed (canceled in Oomnitza, credential refused), or a rolling portion was given up. */
  @Column({ type: 'text', default: 'open' })
  status: PortionStatus;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  @Column({ name: 'records_sent', type: 'int', default: 0 })
  recordsSent: number;
}
