import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { DeliveryEntity } from './delivery.entity';

/** One try at sending a delivery's email, and what came of it. */
@Entity({ name: 'delivery_attempts' })
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid', select: false })
  deliveryId: string;

  @ManyToOne(() => DeliveryEntity, (delivery) => delivery.attemptLog, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id' })
  delivery?: Relation<DeliveryEntity>;

  @Column({ type: 'int' })
  attempt: number;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt: Date;

  @Column({ type: 'text' })
  outcome: 'sent' | 'retry' | 'failed';

  @Column({ type: 'text', nullable: true })
  error: string | null;
}
