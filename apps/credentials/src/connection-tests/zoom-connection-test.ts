import { Injectable } from '@nestjs/common';
import { ZoomTokenBroker } from '../token-broker/zoom-token-broker';
import { ZoomCredentialSecrets } from '../zoom-credentials/zoom-credential-secrets';
import { ZoomTokenError } from '../zoom-oauth/zoom-token-error';
import { ZoomConnectionTestResultDto } from './connection-test-result.dto';

/** Listing users needs this granular scope, or one of the classic scopes that include it. */
export const LIST_USERS_SCOPE = 'user:read:list_users:admin';
const SCOPES_GRANTING_LIST_USERS = [LIST_USERS_SCOPE, 'user:read:admin', 'user:write:admin'];

/**
 * Mints a token as the sync would and checks it may list users. The new token replaces the cached
 * one, so testing never adds to the tokens in use for the account.
 */
@Injectable()
export class ZoomConnectionTest {
  constructor(
    private readonly secrets: ZoomCredentialSecrets,
    private readonly broker: ZoomTokenBroker,
  ) {}

  async run(tenantId: string, credentialId: string): Promise<ZoomConnectionTestResultDto> {
    await this.secrets.accountIdOf(credentialId, tenantId);
    let scopes: string[];
    try {
      ({ scopes } = await this.broker.mintNow(credentialId));
    } catch (error) {
      if (error instanceof ZoomTokenError) {
        return { ok: false, problem: error.problem };
      }
      throw error;
    }
    if (!SCOPES_GRANTING_LIST_USERS.some((scope) => scopes.includes(scope))) {
      return { ok: false, problem: `the token lacks the scope ${LIST_USERS_SCOPE}`, scopes };
    }
    return { ok: true, scopes };
  }
}
