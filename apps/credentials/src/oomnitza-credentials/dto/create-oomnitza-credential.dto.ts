import { CredentialName } from '../../common/credential-name';
import { SecretField } from '../../common/secret-field';
import { BaseUrl } from './oomnitza-fields';

export class CreateOomnitzaCredentialDto {
  @CredentialName()
  name: string;

  @BaseUrl()
  baseUrl: string;

  @SecretField({ description: 'The Oomnitza API token (sent as Authorization2); never returned' })
  apiToken: string;
}
