import { OomnitzaFieldValue } from '@zoom-oomnitza-sync/contracts';
import { Removed } from '../removals/removal-kinds';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What was last written to Oomnitza for one user of one integration. */
@Entity({ name: 'user_sync_state' })
export class UserSyncStateEntity {
  @PrimaryColumn({ name: 'integration_id' })
  integrationId: string;

  @PrimaryColumn({ name: 'sync_key' })
  syncKey: string;

  @Column({ name: 'zoom_user_id', type: 'text', nullable: true })
  zoomUserId: string | null;

  /** sha256 of the record's fields without the run-time field. */
  @Column({ name: 'content_hash' })
  contentHash: string;

  /**
   * The fields last written, without the run-time field: a partial record is merged into them.
   * Null for users written before the writer kept them.
   */
  @Column({ type: 'jsonb', nullable: true })
  fields: Record<string, OomnitzaFieldValue> | null;

  /** When Zoom's data behind the newest write was read. */
  @Column({ name: 'observed_at', type: 'timestamptz' })
  observedAt: Date;

  /**
   * When Zoom's data behind each field's last write was read (ISO times): a record changes only the
   * fields it has newer data for. Null for users written before; their fields fall back to observedAt.
   */
  @Column({ name: 'field_observed_at', type: 'jsonb', nullable: true })
  fieldObservedAt: Record<string, string> | null;

  @Column({ name: 'last_run_id', type: 'uuid', nullable: true })
  lastRunId: string | null;

  /** When Oomnitza acknowledged the last write. */
  @Column({ name: 'written_at', type: 'timestamptz' })
  writtenAt: Date;

  /** The last run any record of the user came in (written or not). */
  @Column({ name: 'last_seen_run_id', type: 'uuid', nullable: true })
  lastSeenRunId: string | null;

  /** When Zoom's data of the newest record of the user, from a run or a webhook, was read. */
  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;

  /** How the person was last marked removed from Zoom; null while it is not. A removed person is never marked again. */
  @Column({ type: 'text', nullable: true })
  removal: Removed | null;

  /** A change of the user's SaaS user status Oomnitza did not take: it is tried again with the user's next record. */
  @Column({ name: 'saas_status_due', default: false })
  saasStatusDue: boolean;
}
