import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One integration's place in the writer's round-robin: when it needs a turn and who has it. */
@Entity({ name: 'write_queues' })
export class WriteQueueEntity {
  @PrimaryColumn({ name: 'integration_id' })
  integrationId: string;

  /** When its pending records (or an open rolling portion) need a turn; null: nothing to do. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  /** The turn (a sequence, across replicas) that last served it: the least recently served due integration goes next. */
  @Column({ name: 'served_turn', type: 'bigint', nullable: true })
  servedTurn: string | null;

  /** The earliest its next batch of records outside a run may go: WRITE_FLUSH_DELAY_MS after the last one was taken. */
  @Column({ name: 'flush_not_before', type: 'timestamptz', nullable: true })
  flushNotBefore: Date | null;

  @Column({ name: 'leased_until', type: 'timestamptz', nullable: true })
  leasedUntil: Date | null;

  @Column({ name: 'lease_id', type: 'uuid', nullable: true })
  leaseId: string | null;
}
