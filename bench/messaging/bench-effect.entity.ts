import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row per applied tick; no unique constraint, so a duplicate effect would show as a second row. */
@Entity({ name: 'bench_effects' })
export class BenchEffectEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId: string;

  @Column({ type: 'text' })
  scenario: string;

  @Column({ type: 'int' })
  partition: number;
}
