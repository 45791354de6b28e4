import { IsIn, IsNotEmpty, IsString } from 'class-validator';

export const CREDENTIAL_KINDS = ['zoom', 'oomnitza'] as const;
export const CREDENTIAL_CHANGES = ['created', 'updated', 'deleted'] as const;

/**
 * A credential changed; never carries the secret itself, only which one to fetch again. Not
 * about one integration: its envelope's integrationId carries the credential id, so changes to
 * one credential stay in order.
 */
export class CredentialsChangedValue {
  @IsString()
  @IsNotEmpty()
  credentialId: string;

  @IsIn(CREDENTIAL_KINDS)
  kind: (typeof CREDENTIAL_KINDS)[number];

  @IsIn(CREDENTIAL_CHANGES)
  change: (typeof CREDENTIAL_CHANGES)[number];
}
