import {
  FieldMappingDto,
  IntegrationType,
  RECONCILE_DEFAULTS,
  REMOVAL_DEFAULTS,
  StandardZoomField,
  SyncKey,
  SyncPreference,
  UserFiltersDto,
  ZoomRemovalPolicy,
} from '@zoom-oomnitza-sync/contracts';
import { DEFAULT_SCHEDULE, Schedule } from '../schedules/schedule';
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

  /** The Zoom SaaS app in Oomnitza (type user_and_saas): its SaaS users are the synced people. */
  @Column({ name: 'oomnitza_saas_id', type: 'text', nullable: true })
  oomnitzaSaasId: string | null;

  @Column({ name: 'field_targets', type: 'jsonb', default: {} })
  fieldTargets: Partial<Record<StandardZoomField, string>>;

  @Column({ name: 'field_mappings', type: 'jsonb', default: [] })
  fieldMappings: FieldMappingDto[];

  @Column({ type: 'jsonb', nullable: true })
  filters: UserFiltersDto | null;

  @Column({ name: 'derive_missing_names', default: true })
  deriveMissingNames: boolean;

  /** What a Zoom deletion or disassociation, or a user gone from a clean full sync, does in Oomnitza. */
  @Column({ name: 'on_zoom_removal', type: 'text', default: REMOVAL_DEFAULTS.onZoomRemoval })
  onZoomRemoval: ZoomRemovalPolicy;

  /** Mass-removal circuit breaker: more removals at once than this share of the synced users are held... */
  @Column({ name: 'removal_threshold_percent', type: 'int', default: REMOVAL_DEFAULTS.removalThresholdPercent })
  removalThresholdPercent: number;

  /** ...unless they are no more than this many people. */
  @Column({ name: 'removal_threshold_minimum', type: 'int', default: REMOVAL_DEFAULTS.removalThresholdMinimum })
  removalThresholdMinimum: number;

  /** Zoom sends this integration's account webhooks: the reconcile checks that none was lost. */
  @Column({ name: 'webhooks_enabled', default: RECONCILE_DEFAULTS.webhooksEnabled })
  webhooksEnabled: boolean;

  @Column({ name: 'reconcile_interval_minutes', type: 'int', default: RECONCILE_DEFAULTS.reconcileIntervalMinutes })
  reconcileIntervalMinutes: number;

  /** When the full sync runs (see schedules/schedule.ts). */
  @Column({ type: 'jsonb', default: () => `'${JSON.stringify(DEFAULT_SCHEDULE)}'` })
  schedule: Schedule;

  /** The next slot the schedule fires at; null unless the integration is active. */
  @Column({ name: 'next_run_at', type: 'timestamptz', nullable: true })
  nextRunAt: Date | null;

  /** Slots that came while a run was still going, and so started nothing. */
  @Column({ name: 'scheduled_runs_skipped', type: 'int', default: 0 })
  scheduledRunsSkipped: number;

  /** When its last run completed. */
  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  /** No completed run for this long raises stale_data (26 h suits a daily schedule). */
  @Column({ name: 'max_staleness_hours', type: 'int', default: 26 })
  maxStalenessHours: number;

  /** When stale_data was raised; cleared by the next completed run, which raises recovered. */
  @Column({ name: 'stale_alerted_at', type: 'timestamptz', nullable: true })
  staleAlertedAt: Date | null;

  /** Grows with every change; consumers of integration.changed keep the newest. */
  @VersionColumn()
  revision: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
