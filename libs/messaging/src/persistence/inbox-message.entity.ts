import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A message a consumer has applied. Inserted in the same transaction as the handler's effect,
 * so a redelivered message finds its row and is skipped.
 */
@Entity({ name: 'inbox' })
@Index('inbox_processed_at_idx', ['processedAt'])
export class InboxMessageEntity {
  @PrimaryColumn({ name: 'message_id', type: 'uuid' })
  messageId: string;

  /** Which handler applied it: one message may feed several independent consumers of a service. */
  @PrimaryColumn({ type: 'text' })
  consumer: string;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'int' })
  partition: number;

  @Column({ name: 'offset', type: 'bigint' })
  offset: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt: Date;
}
