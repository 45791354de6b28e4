import { HeldRemovalExampleDto, RemovalHoldSource } from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type HoldStatus = 'held' | 'approved' | 'discarded';

/**
 * Removals the writer holds for approval, as its removals.held reports describe them, and what was
 * decided about them. At most one hold per integration is `held` at a time.
 */
@Entity({ name: 'held_removals' })
export class HeldRemovalEntity {
  @PrimaryColumn({ name: 'hold_id', type: 'uuid' })
  holdId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'integration_id', type: 'uuid' })
  integrationId: string;

  @Column({ type: 'text' })
  status: HoldStatus;

  @Column({ type: 'text' })
  source: RemovalHoldSource;

  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  /** People held: the newest report's count (a hold only grows). */
  @Column({ type: 'int' })
  count: number;

  @Column({ type: 'int' })
  threshold: number;

  @Column({ name: 'synced_users', type: 'int' })
  syncedUsers: number;

  @Column({ type: 'jsonb', default: [] })
  examples: HeldRemovalExampleDto[];

  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
}
