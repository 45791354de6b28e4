import { ZoomUserStatus } from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type KnownUserStatus = ZoomUserStatus | 'removed';

/**
 * A Zoom user as the fetcher last saw them, per credential: enough to count users the way
 * `GET /users/summary` does and to address a webhook's partial change without reading the user.
 * A removed user stays as a tombstone, so an older page cannot bring them back.
 */
@Entity({ name: 'known_users' })
export class KnownUserEntity {
  @PrimaryColumn({ name: 'zoom_credential_id' })
  zoomCredentialId: string;

  /** The user's id, or `email:` and the lower-cased e-mail of a pending user, who has none. */
  @PrimaryColumn({ name: 'user_key', type: 'text' })
  userKey: string;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** Null until an event or read says (a webhook's user.created does not). */
  @Column({ type: 'text', nullable: true })
  status: KnownUserStatus | null;

  @Column({ type: 'int', nullable: true })
  type: number | null;

  /** When Zoom's data here was true: a page's or read's time, a webhook's event time. */
  @Column({ name: 'observed_at', type: 'timestamptz' })
  observedAt: Date;
}
