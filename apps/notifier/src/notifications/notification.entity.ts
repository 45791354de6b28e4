import { AlertKind, AlertSeverity } from '@zoom-oomnitza-sync/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An alert as the tenant sees it in the app, read or not. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ name: 'integration_id', type: 'uuid' })
  integrationId: string;

  /** The integration.alert message it came from. */
  @Column({ name: 'message_id', type: 'uuid', select: false })
  messageId: string;

  @Column({ type: 'text' })
  kind: AlertKind;

  @Column({ type: 'text' })
  severity: AlertSeverity;

  @Column()
  title: string;

  @Column()
  detail: string;

  @Column({ name: 'run_id', type: 'uuid', nullable: true })
  runId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
