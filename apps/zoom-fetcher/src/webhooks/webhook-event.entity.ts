import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A Zoom webhook event taken in. Zoom delivers at least once and retries with the same body: the
 * unique key (credential, event, user key, event_ts) makes a second delivery of one event have no effect.
 */
@Entity({ name: 'webhook_events' })
export class WebhookEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'zoom_credential_id' })
  zoomCredentialId: string;

  @Column({ type: 'text' })
  event: string;

  /** The user's id, or the e-mail of a pending user, who has none. */
  @Column({ name: 'user_key', type: 'text' })
  userKey: string;

  /** Zoom's event_ts, epoch milliseconds. */
  @Column({ name: 'event_ts', type: 'bigint' })
  eventTs: string;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}
