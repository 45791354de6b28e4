import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per applied message: no unique constraint, so a second effect would show as a second row. */
@Entity({ name: 'test_effects' })
export class TestEffectEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'int' })
  partition: number;

  @Column({ name: 'offset', type: 'bigint' })
  offset: string;

  @Column({ name: 'header_correlation_id', type: 'text', nullable: true })
  headerCorrelationId: string | null;

  @Column({ name: 'context_correlation_id', type: 'text', nullable: true })
  contextCorrelationId: string | null;
}
