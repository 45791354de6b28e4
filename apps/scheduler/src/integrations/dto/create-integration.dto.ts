import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INTEGRATION_TYPES,
  IntegrationType,
  StandardZoomField,
  SYNC_KEYS,
  SYNC_PREFERENCES,
  SyncKey,
  SyncPreference,
} from '@zoom-oomnitza-sync/contracts';
import { IsFieldTargets } from './is-field-targets';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';

const CREDENTIAL_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const INSTALLATION_TYPES = ['cloud', 'local'] as const;

export class CreateIntegrationDto {
  @ApiProperty({ example: 'Zoom users to Oomnitza' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: INTEGRATION_TYPES, default: 'user', description: 'User only, or User plus SaaS user' })
  @IsOptional()
  @IsIn(INTEGRATION_TYPES)
  type?: IntegrationType;

  @ApiPropertyOptional({ enum: INSTALLATION_TYPES, default: 'cloud', description: 'Zoom needs OAuth, which only Cloud supports' })
  @IsOptional()
  @IsIn(INSTALLATION_TYPES)
  installationType?: (typeof INSTALLATION_TYPES)[number];

  @ApiPropertyOptional({ enum: SYNC_PREFERENCES, default: 'create_and_update' })
  @IsOptional()
  @IsIn(SYNC_PREFERENCES)
  preference?: SyncPreference;

  @ApiProperty({ description: 'Id of the Zoom credential held by the credentials service' })
  @Matches(CREDENTIAL_ID, { message: 'zoomCredentialId must be an id of 1 to 64 letters, digits, "_" or "-"' })
  zoomCredentialId: string;

  @ApiProperty({ description: 'Id of the Oomnitza credential held by the credentials service' })
  @Matches(CREDENTIAL_ID, { message: 'oomnitzaCredentialId must be an id of 1 to 64 letters, digits, "_" or "-"' })
  oomnitzaCredentialId: string;

  @ApiPropertyOptional({ description: 'The Oomnitza role synced users get; required before Launch' })
  @IsOptional()
  @IsInt()
  @Min(1)
  oomnitzaRoleId?: number;

  @ApiPropertyOptional({ enum: SYNC_KEYS, default: 'email', description: 'The unique field Oomnitza matches records on' })
  @IsOptional()
  @IsIn(SYNC_KEYS)
  syncKey?: SyncKey;

  @ApiPropertyOptional({
    description: 'Oomnitza field ids replacing the standard mapping targets, e.g. the generated id of the unique "Zoom ID" field',
    example: { id: 'zoom_id_7f3a' },
  })
  @IsOptional()
  @IsFieldTargets()
  fieldTargets?: Partial<Record<StandardZoomField, string>>;
}
