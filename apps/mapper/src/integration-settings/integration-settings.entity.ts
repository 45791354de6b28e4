import {
  FieldMappingDto,
  IntegrationType,
  StandardZoomField,
  SyncKey,
  SyncPreference,
  UserFiltersDto,
} from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The mapper's read model of each integration, kept from integration.changed (newest revision wins). */
@Entity({ name: 'integration_settings' })
export class IntegrationSettingsEntity {
  @PrimaryColumn({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'text' })
  state: string;

  @Column({ type: 'text' })
  type: IntegrationType;

  @Column({ type: 'text' })
  preference: SyncPreference;

  @Column({ name: 'oomnitza_credential_id' })
  oomnitzaCredentialId: string;

  @Column({ name: 'oomnitza_role_id', type: 'int', nullable: true })
  oomnitzaRoleId: number | null;

  @Column({ name: 'sync_key', type: 'text', nullable: true })
  syncKey: SyncKey | null;

  @Column({ name: 'field_targets', type: 'jsonb', default: {} })
  fieldTargets: Partial<Record<StandardZoomField, string>>;

  @Column({ name: 'field_mappings', type: 'jsonb', default: [] })
  fieldMappings: FieldMappingDto[];

  @Column({ type: 'jsonb', nullable: true })
  filters: UserFiltersDto | null;

  @Column({ name: 'derive_missing_names', default: true })
  deriveMissingNames: boolean;
}
