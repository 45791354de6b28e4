import { IntegrationType, StandardZoomField, SyncKey, SyncPreference } from '@zoom-oomnitza-sync/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const INTEGRATION_STATUSES = ['draft', 'active', 'paused'] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];

@Entity({ name: 'integrations' })
@Index(['tenantId', 'createdAt'])
export class IntegrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column()
  name: string;

  @Column({ type: 'text' })
  status: IntegrationStatus;

  @Column({ type: 'text' })
  type: IntegrationType;

  @Column({ type: 'text' })
  preference: SyncPreference;

  @Column({ name: 'zoom_credential_id' })
  zoomCredentialId: string;

  @Column({ name: 'oomnitza_credential_id' })
  oomnitzaCredentialId: string;

  /** Null while the integration is a draft without its mandatory mapping. */
  @Column({ name: 'oomnitza_role_id', type: 'int', nullable: true })
  oomnitzaRoleId: number | null;

  @Column({ name: 'sync_key', type: 'text' })
  syncKey: SyncKey;

  @Column({ name: 'field_targets', type: 'jsonb', default: {} })
  fieldTargets: Partial<Record<StandardZoomField, string>>;

  /** Grows with every change; consumers of integration.changed keep the newest. */
  @VersionColumn()
  revision: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
