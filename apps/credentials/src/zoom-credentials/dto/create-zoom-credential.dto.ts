import { IsOptional } from 'class-validator';
import { CredentialName } from '../../common/credential-name';
import { SecretField } from '../../common/secret-field';
import { ACCOUNT_ID, CLIENT_ID, InstallationType, RequestedInstallationType, ZoomIdentifier } from './zoom-fields';

export class CreateZoomCredentialDto {
  @CredentialName()
  name: string;

  @IsOptional()
  @InstallationType()
  installationType?: RequestedInstallationType;

  @ZoomIdentifier(ACCOUNT_ID)
  accountId: string;

  @ZoomIdentifier(CLIENT_ID)
  clientId: string;

  @SecretField({ description: "The app's client secret; never returned" })
  clientSecret: string;

  @IsOptional()
  @SecretField({ required: false, description: 'The secret token that signs Zoom webhooks; never returned' })
  webhookSecretToken?: string;
}
