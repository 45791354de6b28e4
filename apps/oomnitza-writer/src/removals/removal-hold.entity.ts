import { RemovalHoldSource } from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Removals the mass-removal circuit breaker holds for an integration (the pending records carrying
 * its id). At most one per integration: while it is open, every new removal joins it.
 */
@Entity({ name: 'removal_holds' })
export class RemovalHoldEntity {
  @PrimaryColumn({ name: 'hold_id', type: 'uuid' })
  holdId: string;

  @Column({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ type: 'text' })
  source: RemovalHoldSource;

  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  /** The limit the removals went over when the hold opened... */
  @Column({ type: 'int' })
  threshold: number;

  /** ...taken from this many synced users. */
  @Column({ name: 'synced_users', type: 'int' })
  syncedUsers: number;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}
