import { Injectable } from '@nestjs/common';
import { CredentialsClient, OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';

const CACHE_MS = 60_000;

/** The Oomnitza token per credential, asked of the credentials service at most once a minute. */
@Injectable()
export class OomnitzaAccessCache {
  private readonly cached = new Map<string, { access: OomnitzaAccess; until: number }>();

  constructor(private readonly credentials: CredentialsClient) {}

  async get(credentialId: string): Promise<OomnitzaAccess> {
    const hit = this.cached.get(credentialId);
    if (hit && hit.until > Date.now()) {
      return hit.access;
    }
    const access = await this.credentials.oomnitzaAccess(credentialId);
    this.cached.set(credentialId, { access, until: Date.now() + CACHE_MS });
    return access;
  }
}
