import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { RECONCILE_INTERVAL_MINUTES } from '../../common/reconcile';
import { ZOOM_REMOVAL_POLICIES, ZoomRemovalPolicy } from '../../common/removal';
import { FieldMappingDto, UserFiltersDto } from '../../mapping/custom-mapping';
import { StandardZoomField } from '../../mapping/standard-fields';
import { SYNC_PREFERENCES, SyncPreference } from '../oomnitza-records-upsert/value';

export const INTEGRATION_TYPES = ['user', 'user_and_saas'] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];
export const INTEGRATION_STATES = ['draft', 'active', 'paused', 'deleted'] as const;
export const SYNC_KEYS = ['email', 'zoom_id'] as const;
export type SyncKey = (typeof SYNC_KEYS)[number];

/** The mapping choices the integration's owner made (the rest is the standard mapping). */
export class MappingChoicesDto {
  /** The Oomnitza role every synced user gets (Oomnitza requires one). */
  @IsInt()
  @Min(1)
  oomnitzaRoleId: number;

  /** The unique field Oomnitza matches records on. */
  @IsIn(SYNC_KEYS)
  syncKey: SyncKey;

  /** Oomnitza field ids that replace the standard mapping's targets (e.g. the generated id of "Zoom ID"). */
  @IsObject()
  fieldTargets: Partial<Record<StandardZoomField, string>>;

  /** The integration's own mapped fields; absent from snapshots published before they existed, meaning none. */
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => FieldMappingDto)
  fieldMappings?: FieldMappingDto[];

  /** Which Zoom users are synced; absent: all of them. */
  @IsOptional()
  @ValidateNested()
  @Type(() => UserFiltersDto)
  filters?: UserFiltersDto;

  /** A user without a first or last name gets derived ones instead of being rejected; absent: true. */
  @IsOptional()
  @IsBoolean()
  deriveMissingNames?: boolean;
}

/**
 * The whole current configuration of an integration, published on every change so the mapper,
 * fetcher and writer keep local read models instead of asking the scheduler. `revision` grows
 * with each change: a consumer ignores a snapshot older than the one it has.
 */
export class IntegrationChangedValue {
  @IsInt()
  @Min(1)
  revision: number;

  @IsIn(INTEGRATION_STATES)
  state: (typeof INTEGRATION_STATES)[number];

  @IsString()
  @IsNotEmpty()
  name: string;

  @IsIn(INTEGRATION_TYPES)
  type: IntegrationType;

  @IsIn(SYNC_PREFERENCES)
  preference: SyncPreference;

  @IsString()
  zoomCredentialId: string;

  @IsString()
  oomnitzaCredentialId: string;

  /** The Zoom SaaS app in Oomnitza whose SaaS users the synced people become (type user_and_saas). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  oomnitzaSaasId?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => MappingChoicesDto)
  mapping?: MappingChoicesDto;

  /**
   * What a Zoom deletion or disassociation, or a user gone from a clean full sync, does in
   * Oomnitza. This and the two thresholds below are absent from snapshots published before they
   * existed: read them as REMOVAL_DEFAULTS.
   */
  @IsOptional()
  @IsIn(ZOOM_REMOVAL_POLICIES)
  onZoomRemoval?: ZoomRemovalPolicy;

  /** Mass-removal circuit breaker: more removals at once than this share of the synced users are held for approval... */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  removalThresholdPercent?: number;

  /** ...unless they are no more than this many people. */
  @IsOptional()
  @IsInt()
  @Min(0)
  removalThresholdMinimum?: number;

  /** Webhooks are on: the reconcile checks every reconcileIntervalMinutes that none was lost. Absent: RECONCILE_DEFAULTS. */
  @IsOptional()
  @IsBoolean()
  webhooksEnabled?: boolean;

  @IsOptional()
  @IsInt()
  @Min(RECONCILE_INTERVAL_MINUTES.min)
  @Max(RECONCILE_INTERVAL_MINUTES.max)
  reconcileIntervalMinutes?: number;
}
