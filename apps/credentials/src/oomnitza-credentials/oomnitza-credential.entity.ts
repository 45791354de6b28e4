import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { EncryptedSecret, encryptedSecretColumn } from '../encryption/encrypted-secret';

/** A tenant's Oomnitza instance and API token. The token is stored encrypted. */
@Entity({ name: 'oomnitza_credentials' })
@Index(['tenantId', 'createdAt'])
export class OomnitzaCredentialEntity {
  /** Chosen by the service before encrypting: the token's ciphertext is bound to it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64 })
  tenantId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'base_url', type: 'text' })
  baseUrl: string;

  @Column({ name: 'api_token', type: 'text', transformer: encryptedSecretColumn })
  apiToken: EncryptedSecret;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
