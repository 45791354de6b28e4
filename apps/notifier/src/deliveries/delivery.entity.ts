import { AlertKind } from '@zoom-oomnitza-sync/contracts';
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed', 'suppressed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One alert's email to one contact: sent, retried, given up, or held back as a repeat. */
@Entity({ name: 'deliveries' })
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'integration_id', type: 'uuid' })
  integrationId: string;

  @Column({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @Column()
  email: string;

  @Column({ type: 'text' })
  kind: AlertKind;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true, select: false })
  lockedUntil: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  /** Repeats of this alert held back (suppressed) since the contact's previous email of it. */
  @Column({ name: 'held_back', type: 'int', default: 0 })
  heldBack: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @OneToMany(() => DeliveryAttemptEntity, (attempt) => attempt.delivery)
  attemptLog?: Relation<DeliveryAttemptEntity[]>;
}
