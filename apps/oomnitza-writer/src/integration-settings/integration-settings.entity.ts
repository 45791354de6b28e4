import {
  IntegrationChangedValue,
  IntegrationType,
  StandardZoomField,
  SyncKey,
  SyncPreference,
  ZoomRemovalPolicy,
} from '@zoom-oomnitza-sync/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The writer's read model of each integration, kept from integration.changed (newest revision
 * wins): what it needs to apply removals on its own (policy, threshold, where Zoom Status goes)
 * and to make the people SaaS users of the Zoom app (type, SaaS app).
 */
@Entity({ name: 'integration_settings' })
export class IntegrationSettingsEntity {
  @PrimaryColumn({ name: 'integration_id' })
  integrationId: string;

  @Column({ name: 'tenant_id' })
  tenantId: string;

  @Column({ type: 'int' })
  revision: number;

  @Column({ type: 'text' })
  state: IntegrationChangedValue['state'];

  @Column({ name: 'oomnitza_credential_id' })
  oomnitzaCredentialId: string;

  @Column({ type: 'text' })
  preference: SyncPreference;

  /** Null while the integration has no mapping. */
  @Column({ name: 'sync_key', type: 'text', nullable: true })
  syncKey: SyncKey | null;

  @Column({ name: 'field_targets', type: 'jsonb', default: {} })
  fieldTargets: Partial<Record<StandardZoomField, string>>;

  @Column({ name: 'on_zoom_removal', type: 'text' })
  onZoomRemoval: ZoomRemovalPolicy;

  @Column({ name: 'removal_threshold_percent', type: 'int' })
  removalThresholdPercent: number;

  @Column({ name: 'removal_threshold_minimum', type: 'int' })
  removalThresholdMinimum: number;

  @Column({ type: 'text', default: 'user' })
  type: IntegrationType;

  /** User plus SaaS user: the Zoom SaaS app in Oomnitza whose SaaS users the people become. */
  @Column({ name: 'oomnitza_saas_id', type: 'text', nullable: true })
  oomnitzaSaasId: string | null;
}
