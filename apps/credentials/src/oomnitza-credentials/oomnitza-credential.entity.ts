import { Column, Entity, Index } from 'typeorm';
import { TenantCredentialColumns } from '../common/tenant-credential.columns';
import { EncryptedSecret, encryptedSecretColumn } from '../encryption/encrypted-secret';

/** A tenant's Oomnitza instance and API token. The token is stored encrypted. */
@Entity({ name: 'oomnitza_credentials' })
@Index(['tenantId', 'createdAt'])
export class OomnitzaCredentialEntity extends TenantCredentialColumns {
  @Column({ name: 'base_url', type: 'text' })
  baseUrl: string;

  @Column({ name: 'api_token', type: 'text', transformer: encryptedSecretColumn })
  apiToken: EncryptedSecret;

  /** Shown to recognise the token (see last4Of), kept at write time so that showing it decrypts nothing. */
  @Column({ name: 'api_token_last4', type: 'text', nullable: true })
  apiTokenLast4: string | null;
}
