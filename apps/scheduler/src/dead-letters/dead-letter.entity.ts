import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A record read from a dead-letter topic: where it came from, why it was set aside, and the record itself. */
@Entity({ name: 'dead_letters' })
export class DeadLetterEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'dlq_topic', type: 'text' })
  dlqTopic: string;

  @Column({ name: 'dlq_partition', type: 'int' })
  dlqPartition: number;

  @Column({ name: 'dlq_offset', type: 'bigint' })
  dlqOffset: string;

  /** The Kafka topic the record was read from (or was on its way to), where a replay sends it. */
  @Column({ name: 'original_topic', type: 'text', nullable: true })
  originalTopic: string | null;

  /** Who set it aside: a consumer group, or an outbox relay. */
  @Column({ name: 'consumer_group', type: 'text', nullable: true })
  consumerGroup: string | null;

  @Column({ name: 'error_kind', type: 'text', nullable: true })
  errorKind: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ name: 'tenant_id', type: 'text', nullable: true })
  tenantId: string | null;

  @Column({ name: 'integration_id', type: 'text', nullable: true })
  integrationId: string | null;

  @Column({ name: 'message_id', type: 'text', nullable: true })
  messageId: string | null;

  @Column({ name: 'message_type', type: 'text', nullable: true })
  messageType: string | null;

  @Column({ name: 'message_key', type: 'text', nullable: true })
  messageKey: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  value: Buffer | null;

  @Column({ type: 'jsonb', select: false })
  headers: Record<string, string>;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true })
  replayedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  replays: number;
}
