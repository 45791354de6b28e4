import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { BaseEnvironment } from '../config/base-environment';
import { hashApiKey, isWellFormedApiKey } from './api-key-secret';
import { ApiKeyEntity } from './api-key.entity';
import { BoundedMemory } from './bounded-memory';
import { TenantPrincipal } from './principal';

/** Bounds the memory an unbounded number of distinct keys could take. */
const MAX_CACHED_KEYS = 10_000;

/**
 * Verifies tenant API keys against the service's `api_keys`: in the credentials service the keys
 * it issues, elsewhere the read model kept from `api-keys.changed`.
 *
 * Verified keys are remembered for API_KEY_CACHE_TTL_MS so that a request costs no database round
 * trip; unknown and revoked keys for API_KEY_NEGATIVE_CACHE_TTL_MS, so a flood of made-up keys
 * costs no queries. Both memories are bounded (the oldest entry goes). A key this replica learns
 * has changed is forgotten at once; other replicas see it within those TTLs.
 */
@Injectable()
export class ApiKeyVerifier {
  private readonly verified: BoundedMemory<TenantPrincipal>;
  private readonly refused: BoundedMemory<true>;

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    config: ConfigService<BaseEnvironment, true>,
  ) {
    this.verified = new BoundedMemory(config.get('API_KEY_CACHE_TTL_MS', { infer: true }), MAX_CACHED_KEYS);
    this.refused = new BoundedMemory(config.get('API_KEY_NEGATIVE_CACHE_TTL_MS', { infer: true }), MAX_CACHED_KEYS);
  }

  /** The principal a presented key stands for, or undefined when it is unknown or revoked. */
  async verify(presentedKey: string): Promise<TenantPrincipal | undefined> {
    if (!isWellFormedApiKey(presentedKey)) {
      return undefined;
    }
    const keyHash = hashApiKey(presentedKey);
    const cached = this.verified.get(keyHash);
    if (cached || this.refused.get(keyHash)) {
      return cached;
    }

    const key = await this.keys.findOneBy({ keyHash, revokedAt: IsNull() });
    if (!key) {
      this.refused.set(keyHash, true);
      return undefined;
    }
    const principal: TenantPrincipal = { admin: false, tenantId: key.tenantId, scopes: key.scopes, keyId: key.id };
    this.verified.set(keyHash, principal);
    return principal;
  }

  /** The key with this digest was issued, revoked or changed: ask the database next time. */
  forget(keyHash: string): void {
    this.verified.delete(keyHash);
    this.refused.delete(keyHash);
  }
}
