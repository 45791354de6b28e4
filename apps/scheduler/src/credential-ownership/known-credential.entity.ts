import { CREDENTIAL_KINDS } from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** A credential as credentials.changed announced it: whose it is, of which kind, and whether it was deleted. */
@Entity({ name: 'known_credentials' })
export class KnownCredentialEntity {
  @PrimaryColumn({ name: 'credential_id', type: 'text' })
  credentialId: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId: string;

  @Column({ type: 'text' })
  kind: CredentialKind;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;
}
