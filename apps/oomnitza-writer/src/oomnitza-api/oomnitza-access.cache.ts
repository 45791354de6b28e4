import { Injectable } from '@nestjs/common';
import { CredentialRef, CredentialsClient, OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';

const CACHE_MS = 60_000;

/** The Oomnitza token per tenant and credential, asked of the credentials service at most once a minute. */
@Injectable()
export class OomnitzaAccessCache {
  private readonly cached = new Map<string, { access: OomnitzaAccess; until: number }>();

  constructor(private readonly credentials: CredentialsClient) {}

  async get(credential: CredentialRef): Promise<OomnitzaAccess> {
    const key = `${credential.tenantId}/${credential.credentialId}`;
    const hit = this.cached.get(key);
    if (hit && hit.until > Date.now()) {
      return hit.access;
    }
    const access = await this.credentials.oomnitzaAccess(credential);
    this.cached.set(key, { access, until: Date.now() + CACHE_MS });
    return access;
  }
}
