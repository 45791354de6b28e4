import { RunFailureKind, RunMode, RunTrigger } from '@zoom-oomnitza-sync/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const RUN_STATUSES = ['requested', 'running', 'completed', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

const count = (name: string) => ({ name, type: 'int' as const, default: 0 });

@Entity({ name: 'runs' })
@Index(['tenantId', 'integrationId', 'requestedAt'])
export class RunEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'integration_id', type: 'uuid' })
  integrationId: string;

  @Column({ type: 'text' })
  status: RunStatus;

  @Column({ type: 'text' })
  trigger: RunTrigger;

  /** dry_run: compared with Oomnitza and written nowhere; its counts say what a full sync would do. */
  @Column({ type: 'text', default: 'full_sync' })
  mode: RunMode;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** The last report of any stage; the watchdog fails a run that has not moved for RUN_STALL_MINUTES. */
  @Column({ name: 'last_progress_at', type: 'timestamptz', nullable: true })
  lastProgressAt: Date | null;

  /** When run_overdue was raised for it (once). */
  @Column({ name: 'overdue_alerted_at', type: 'timestamptz', nullable: true })
  overdueAlertedAt: Date | null;

  /** `credential_invalid`: a credential was refused, and a person must fix it. */
  @Column({ name: 'failure_kind', type: 'text', nullable: true })
  failureKind: RunFailureKind | null;

  @Column({ name: 'failure_reason', type: 'text', nullable: true })
  failureReason: string | null;

  @Column(count('fetched')) fetched: number;
  @Column(count('mapped')) mapped: number;
  @Column(count('rejected')) rejected: number;
  /** Users the integration's filter rules left out: never written, and gone from Oomnitza's view of Zoom. */
  @Column(count('filtered')) filtered: number;
  /** First and last names derived from a display name or e-mail, for users Zoom has without them. */
  @Column(count('names_derived')) namesDerived: number;
  @Column(count('created')) created: number;
  @Column(count('updated')) updated: number;
  @Column(count('unchanged')) unchanged: number;
  @Column(count('skipped')) skipped: number;
  @Column(count('deactivated')) deactivated: number;
  @Column(count('failed')) failed: number;

  @Column({ name: 'fetch_completed', default: false }) fetchCompleted: boolean;
  @Column({ name: 'map_completed', default: false }) mapCompleted: boolean;
  @Column({ name: 'write_finished', default: false }) writeFinished: boolean;
}
