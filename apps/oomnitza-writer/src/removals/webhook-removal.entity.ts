import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A removal a webhook made, kept for an hour: the breaker counts an hour's worth of them. */
@Entity({ name: 'webhook_removals' })
export class WebhookRemovalEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
