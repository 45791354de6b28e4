import { IsOmittable } from '@zoom-oomnitza-sync/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FieldMappingDto,
  INTEGRATION_TYPES,
  IntegrationType,
  RECONCILE_DEFAULTS,
  RECONCILE_INTERVAL_MINUTES,
  REMOVAL_DEFAULTS,
  StandardZoomField,
  SYNC_KEYS,
  SYNC_PREFERENCES,
  SyncKey,
  SyncPreference,
  UserFiltersDto,
  ZOOM_REMOVAL_POLICIES,
  ZoomRemovalPolicy,
} from '@zoom-oomnitza-sync/contracts';
import { Type } from 'class-transformer';
import { ScheduleDto } from '../../schedules/schedule.dto';
import { IsFieldTargets } from './is-field-targets';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const INSTALLATION_TYPES = ['cloud', 'local'] as const;

export class CreateIntegrationDto {
  @ApiProperty({ example: 'Zoom users to Oomnitza' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: INTEGRATION_TYPES, default: 'user', description: 'User only, or User plus SaaS user' })
  @IsOmittable()
  @IsIn(INTEGRATION_TYPES)
  type?: IntegrationType;

  @ApiPropertyOptional({ enum: INSTALLATION_TYPES, default: 'cloud', description: 'Zoom needs OAuth, which only Cloud supports' })
  @IsOmittable()
  @IsIn(INSTALLATION_TYPES)
  installationType?: (typeof INSTALLATION_TYPES)[number];

  @ApiPropertyOptional({ enum: SYNC_PREFERENCES, default: 'create_and_update' })
  @IsOmittable()
  @IsIn(SYNC_PREFERENCES)
  preference?: SyncPreference;

  @ApiProperty({ description: 'Id of the Zoom credential held by the credentials service' })
  @Matches(CREDENTIAL_ID, { message: 'zoomCredentialId must be an id of 1 to 64 letters, digits, "_" or "-"' })
  zoomCredentialId: string;

  @ApiProperty({ description: 'Id of the Oomnitza credential held by the credentials service' })
  @Matches(CREDENTIAL_ID, { message: 'oomnitzaCredentialId must be an id of 1 to 64 letters, digits, "_" or "-"' })
  oomnitzaCredentialId: string;

  @ApiPropertyOptional({ description: 'The Oomnitza role synced users get; required before Launch' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  oomnitzaRoleId?: number;

  @ApiPropertyOptional({
    description:
      'The id of the Zoom SaaS app in Oomnitza, whose SaaS users the synced people become; required before Launch for the type user_and_saas',
    example: '8d4c2f0e-6b1a-4f3e-9c57-2a0b7e5d1f63',
  })
  @IsOmittable()
  @Matches(CREDENTIAL_ID, { message: 'oomnitzaSaasId must be an id of 1 to 64 letters, digits, "_" or "-"' })
  oomnitzaSaasId?: string;

  @ApiPropertyOptional({ enum: SYNC_KEYS, default: 'email', description: 'The unique field Oomnitza matches records on' })
  @IsOmittable()
  @IsIn(SYNC_KEYS)
  syncKey?: SyncKey;

  @ApiPropertyOptional({
    description: 'Oomnitza field ids replacing the standard mapping targets, e.g. the generated id of the unique "Zoom ID" field',
    example: { id: 'zoom_id_7f3a' },
  })
  @IsOmittable()
  @IsFieldTargets()
  fieldTargets?: Partial<Record<StandardZoomField, string>>;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description:
      'The integration’s own mapped fields, one line each: the Oomnitza field `target` gets the Zoom field `source` ' +
      '(any Users API field, or `custom_attributes.<name>`) through `transforms` in order: trim, lower, upper, ' +
      'default {value}, template {template}, regex_replace {pattern, replacement, flags}, lookup {table, value}, ' +
      'date {format: iso|unix}, number, first_non_empty {sources}. A line for a standard target replaces the standard one.',
    example: [
      { target: 'DEPARTMENT', source: 'dept', transforms: [{ op: 'trim' }, { op: 'upper' }] },
      { target: 'FULL_NAME', transforms: [{ op: 'template', template: '{first_name} {last_name}' }] },
      { target: 'ZOOM_ROLE', source: 'role_id', transforms: [{ op: 'lookup', table: { '1': 'Admin', '2': 'Member' }, value: 'Member' }] },
    ],
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => FieldMappingDto)
  fieldMappings?: FieldMappingDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Which Zoom users are synced: those the `include` group matches (all when absent) that the `exclude` group does not. ' +
      'A group is {match: all|any, rules}; a rule is {source, op, value | values} with op equals, in, matches (a regular ' +
      'expression, case-insensitive), is_empty, before or after (dates). Filtered users are counted per run and never written.',
    example: {
      include: { match: 'all', rules: [{ source: 'type', op: 'equals', value: 2 }] },
      exclude: { match: 'any', rules: [{ source: 'email', op: 'matches', value: '@contractor\\.example\\.com$' }] },
    },
  })
  @IsOmittable()
  @ValidateNested()
  @Type(() => UserFiltersDto)
  filters?: UserFiltersDto;

  @ApiPropertyOptional({
    default: true,
    description:
      'A Zoom user without a first or last name gets one derived from the display name, else the e-mail’s local part ' +
      '(counted per run), instead of being rejected',
  })
  @IsOmittable()
  @IsBoolean()
  deriveMissingNames?: boolean;

  @ApiPropertyOptional({
    enum: ZOOM_REMOVAL_POLICIES,
    default: REMOVAL_DEFAULTS.onZoomRemoval,
    description:
      'A user deleted or disassociated in Zoom, or gone from a clean full sync: `mark` keeps the Oomnitza person with Zoom Status ' +
      '`deleted` or `disassociated`; `ignore` changes nothing (a deactivation still sets `inactive`)',
  })
  @IsOmittable()
  @IsIn(ZOOM_REMOVAL_POLICIES)
  onZoomRemoval?: ZoomRemovalPolicy;

  @ApiPropertyOptional({
    default: REMOVAL_DEFAULTS.removalThresholdPercent,
    minimum: 0,
    maximum: 100,
    description:
      'Mass-removal circuit breaker: when one run, or the webhooks of one hour, would mark more than this share of the synced ' +
      'users removed or deactivated (and more than removalThresholdMinimum people), the changes are held for approval; 100 turns it off',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(100)
  removalThresholdPercent?: number;

  @ApiPropertyOptional({
    default: REMOVAL_DEFAULTS.removalThresholdMinimum,
    minimum: 0,
    description: 'The breaker never holds this many people or fewer, whatever the share',
  })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  removalThresholdMinimum?: number;

  @ApiPropertyOptional({
    default: RECONCILE_DEFAULTS.webhooksEnabled,
    description:
      "The Zoom credential's app sends webhooks to its webhookUrl: every reconcileIntervalMinutes the integration's Zoom user counts " +
      'are compared with what the platform saw, and a difference (a delivery Zoom gave up on) starts a full sync',
  })
  @IsOmittable()
  @IsBoolean()
  webhooksEnabled?: boolean;

  @ApiPropertyOptional({
    default: RECONCILE_DEFAULTS.reconcileIntervalMinutes,
    minimum: RECONCILE_INTERVAL_MINUTES.min,
    maximum: RECONCILE_INTERVAL_MINUTES.max,
    description: 'Minutes between two reconciles of an integration with webhooks on',
  })
  @IsOmittable()
  @IsInt()
  @Min(RECONCILE_INTERVAL_MINUTES.min)
  @Max(RECONCILE_INTERVAL_MINUTES.max)
  reconcileIntervalMinutes?: number;

  @ApiPropertyOptional({
    default: 26,
    minimum: 1,
    maximum: 8760,
    description: 'Hours without a completed run after which the alert stale_data is raised (26 suits a daily schedule)',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(8760)
  maxStalenessHours?: number;

  @ApiPropertyOptional({
    type: ScheduleDto,
    description: 'When the full sync runs; by default daily at 02:00 UTC',
    example: { kind: 'daily', time: '02:00', timezone: 'Europe/Berlin' },
  })
  @IsOmittable()
  @ValidateNested()
  @Type(() => ScheduleDto)
  schedule?: ScheduleDto;
}
