import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** What every kind of credential has: its identity, owner, name, and change tracking. */
export abstract class TenantCredentialColumns {
  /** Chosen by the service before encrypting: the secrets' ciphertexts are bound to it. */
  @PrimaryColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'varchar', length: 64 })
  tenantId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Bumped by every change: token caches of every replica notice a change by it. */
  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** False only for credentials stored before their owner was announced to every read model (see OwnerAnnouncements). */
  @Column({ name: 'owner_announced', type: 'boolean', default: true, select: false })
  ownerAnnounced?: boolean;
}
