import { Injectable } from '@nestjs/common';
import { OomnitzaAuthTestClient } from '../oomnitza-api/oomnitza-auth-test.client';
import { OomnitzaCredentialSecrets } from '../oomnitza-credentials/oomnitza-credential-secrets';
import { ConnectionTestResultDto } from './connection-test-result.dto';

/** Asks Oomnitza whether the token is good, the way Oomnitza's own connector does (AuthTest). */
@Injectable()
export class OomnitzaConnectionTest {
  constructor(
    private readonly secrets: OomnitzaCredentialSecrets,
    private readonly authTest: OomnitzaAuthTestClient,
  ) {}

  async run(tenantId: string, credentialId: string): Promise<ConnectionTestResultDto> {
    const { baseUrl, apiToken } = await this.secrets.access(credentialId, tenantId);
    return this.authTest.check(baseUrl, apiToken);
  }
}
