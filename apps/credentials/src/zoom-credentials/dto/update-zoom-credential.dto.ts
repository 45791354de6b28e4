import { IsOptional } from 'class-validator';
import { IsOmittable } from '@zoom-oomnitza-sync/platform';
import { CredentialName } from '../../common/credential-name';
import { SecretField } from '../../common/secret-field';
import { ACCOUNT_ID, CLIENT_ID, InstallationType, RequestedInstallationType, ZoomIdentifier } from './zoom-fields';

/** Fields left out keep their value; secrets left out keep theirs too, re-encrypted under the active key. */
export class UpdateZoomCredentialDto {
  @IsOmittable()
  @CredentialName(false)
  name?: string;

  @IsOmittable()
  @InstallationType()
  installationType?: RequestedInstallationType;

  @IsOmittable()
  @ZoomIdentifier({ ...ACCOUNT_ID, required: false })
  accountId?: string;

  @IsOmittable()
  @ZoomIdentifier({ ...CLIENT_ID, required: false })
  clientId?: string;

  @IsOmittable()
  @SecretField({ required: false, description: "The app's new client secret; never returned" })
  clientSecret?: string;

  /** @IsOptional lets null through: null removes the stored token. */
  @IsOptional()
  @SecretField({ required: false, nullable: true, description: 'A new webhook secret token, or null to remove it; never returned' })
  webhookSecretToken?: string | null;
}
