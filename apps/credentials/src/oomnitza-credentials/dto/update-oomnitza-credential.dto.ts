import { IsOmittable } from '@zoom-oomnitza-sync/platform';
import { CredentialName } from '../../common/credential-name';
import { SecretField } from '../../common/secret-field';
import { BaseUrl } from './oomnitza-fields';

/** Fields left out keep their value; the token left out keeps its value too, re-encrypted under the active key. */
export class UpdateOomnitzaCredentialDto {
  @IsOmittable()
  @CredentialName(false)
  name?: string;

  @IsOmittable()
  @BaseUrl(false)
  baseUrl?: string;

  @IsOmittable()
  @SecretField({ required: false, description: 'A new Oomnitza API token; never returned' })
  apiToken?: string;
}
