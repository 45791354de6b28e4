import { ArrayUnique, IsArray, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/**
 * A tenant API key as every service verifies it: issued or revoked by the credentials service.
 * Carries the key's sha256 digest, never the key; its tenant is the envelope's tenantId.
 */
export class ApiKeysChangedValue {
  @IsUUID()
  keyId: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  scopes: string[];

  @Matches(/^[0-9a-f]{64}$/, { message: 'keyHash must be a hex sha256 digest' })
  keyHash: string;

  @IsString()
  @MaxLength(8)
  keyPrefix: string;

  @IsISO8601({ strict: true })
  createdAt: string;

  /** Set once the key is revoked; a revoke is final. */
  @IsOptional()
  @IsISO8601({ strict: true })
  revokedAt?: string | null;
}
