import { Column, Entity, Index } from 'typeorm';
import { TenantCredentialColumns } from '../common/tenant-credential.columns';
import { EncryptedSecret, encryptedSecretColumn } from '../encryption/encrypted-secret';

/** Zoom authenticates with Server-to-Server OAuth, which only a Cloud installation supports. */
export const ZOOM_INSTALLATION_TYPES = ['cloud'] as const;

/** A tenant's Zoom Server-to-Server OAuth app. The secrets are stored encrypted. */
@Entity({ name: 'zoom_credentials' })
@Index(['tenantId', 'createdAt'])
export class ZoomCredentialEntity extends TenantCredentialColumns {
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

  /** Shown to recognise the secret (see last4Of), kept at write time so that showing it decrypts nothing. */
  @Column({ name: 'client_secret_last4', type: 'text', nullable: true })
  clientSecretLast4: string | null;

  @Column({ name: 'webhook_secret_token_last4', type: 'text', nullable: true })
  webhookSecretTokenLast4: string | null;

  /** The last part of the credential's webhook URL: unguessable, so it is no secret and may be shown. */
  @Column({ name: 'webhook_endpoint_id', type: 'text' })
  webhookEndpointId: string;
}
