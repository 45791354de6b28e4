import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { EncryptedSecret, encryptedSecretColumn } from '../encryption/encrypted-secret';

/** Zoom authenticates with Server-to-Server OAuth, which only a Cloud installation supports. */
export const ZOOM_INSTALLATION_TYPES = ['cloud'] as const;

/** A tenant's Zoom Server-to-Server OAuth app. The secrets are stored encrypted. */
@Entity({ name: 'zoom_credentials' })
@Index(['tenantId', 'createdAt'])
export class ZoomCredentialEntity {
  /** Chosen by the service before encrypting: the secrets' ciphertexts are bound to it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64 })
  tenantId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'installation_type', type: 'text' })
  installationType: (typeof ZOOM_INSTALLATION_TYPES)[number];

  @Column({ name: 'account_id', type: 'text' })
  accountId: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId: string;

  @Column({ name: 'client_secret', type: 'text', transformer: encryptedSecretColumn })
  clientSecret: EncryptedSecret;

  @Column({ name: 'webhook_secret_token', type: 'text', nullable: true, transformer: encryptedSecretColumn })
  webhookSecretToken: EncryptedSecret | null;

  /** Bumped by every change: token caches of every replica notice a change by it. */
  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
