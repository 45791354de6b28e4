import { ZoomUserDto, ZoomUserEvent } from '@zoom-oomnitza-sync/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type UserReadState = 'pending' | 'reading';

/**
 * A user to read from Zoom after webhook events, per Zoom credential and user whatever the
 * integrations. Events arriving while the read is pending join it; once it is being read, a new
 * event starts the next one.
 */
@Entity({ name: 'user_reads' })
export class UserReadEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'zoom_credential_id' })
  zoomCredentialId: string;

  /** The tenant that holds the credential, named when asking for its token. */
  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ name: 'user_id', type: 'text' })
  userId: string;

  @Column({ name: 'zoom_account_id', type: 'text' })
  zoomAccountId: string;

  @Column({ type: 'text' })
  state: UserReadState;

  /** The newest joined event and its time. */
  @Column({ type: 'text' })
  event: ZoomUserEvent;

  @Column({ name: 'event_ts', type: 'bigint' })
  eventTs: string;

  /** The webhooks' objects merged (newer values win): published as they are should the read give up. */
  @Column({ name: 'webhook_user', type: 'jsonb' })
  webhookUser: ZoomUserDto;

  /** The values before the changes (older values win), from user.updated's old_object. */
  @Column({ type: 'jsonb', nullable: true })
  previous: ZoomUserDto | null;

  /** How many events joined this read. */
  @Column({ type: 'int', default: 1 })
  events: number;

  /** Failed attempts so far. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** Held (being read, or waiting before another attempt) until then. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** Who holds it: only the holder may finish it, so a read taken over after a crash is published once. */
  @Column({ name: 'claim_id', type: 'uuid', nullable: true })
  claimId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
