import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TENANT_ID_FORMAT } from '@zoom-oomnitza-sync/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, Matches } from 'class-validator';

/** `<resource>:<action>`, e.g. integrations:write, metrics:read. */
export const SCOPE_FORMAT = /^[a-z-]+:[a-z-]+$/;

export class CreateApiKeyDto {
  @ApiProperty({ example: 'acme', pattern: TENANT_ID_FORMAT.source })
  @IsString()
  @Matches(TENANT_ID_FORMAT, { message: 'tenantId must be 1 to 64 letters, digits, "_" or "-"' })
  tenantId: string;

  @ApiProperty({ example: 'acme scheduler automation', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ example: ['integrations:read', 'integrations:write'], type: [String], minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(SCOPE_FORMAT, { each: true, message: 'each scope must look like "resource:action" (lower-case letters and "-")' })
  scopes: string[];
}

export class ListApiKeysQueryDto {
  @ApiProperty({ example: 'acme', pattern: TENANT_ID_FORMAT.source })
  @IsString()
  @Matches(TENANT_ID_FORMAT, { message: 'tenantId must be 1 to 64 letters, digits, "_" or "-"' })
  tenantId: string;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'acme' })
  tenantId: string;

  @ApiProperty({ example: 'acme scheduler automation' })
  name: string;

  @ApiProperty({ example: ['integrations:read'], type: [String] })
  scopes: string[];

  @ApiProperty({ example: 'zos_Ab12', description: 'The first characters of the key, to tell keys apart' })
  keyPrefix: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  revokedAt: Date | null;
}

export class IssuedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ example: 'zos_0123456789abcdefghijABCDEFGHIJ0123456789', description: 'Shown only in this response: store it now' })
  key: string;
}
