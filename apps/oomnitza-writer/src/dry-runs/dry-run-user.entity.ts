import { OomnitzaFieldValue } from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const DRY_RUN_OUTCOMES = ['create', 'update', 'unchanged', 'skipped', 'failed', 'filtered', 'rejected', 'remove'] as const;
export type DryRunOutcome = (typeof DRY_RUN_OUTCOMES)[number];

export interface FieldChange {
  field: string;
  before: unknown;
  after: OomnitzaFieldValue;
}

/** One user of a dry run: the record it would write, and once compared what that would do. */
@Entity({ name: 'dry_run_users' })
export class DryRunUserEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'run_id', type: 'uuid' })
  runId: string;

  /** The record's sync key, or a left-out user's e-mail or Zoom id. */
  @Column({ name: 'user_key' })
  userKey: string;

  @Column({ name: 'zoom_user_id', type: 'text', nullable: true })
  zoomUserId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  proposed: Record<string, OomnitzaFieldValue> | null;

  /** Null until compared. */
  @Column({ type: 'text', nullable: true })
  outcome: DryRunOutcome | null;

  @Column({ type: 'jsonb', nullable: true })
  changes: FieldChange[] | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
