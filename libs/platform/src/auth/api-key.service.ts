import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { BaseEnvironment } from '../config/base-environment';
import { NotFoundProblem } from '../errors/problems';
import { AppLogger } from '../logging/app-logger';
import { displayPrefixOf, generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key-secret';
import { ApiKeyEntity } from './api-key.entity';
import { BoundedMemory } from './bounded-memory';
import { TenantPrincipal } from './principal';

export interface ApiKeyView {
  id: string;
  tenantId: string;
  name: string;
  scopes: string[];
  keyPrefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** The only moment the key itself exists outside the caller's hands. */
export interface IssuedApiKey extends ApiKeyView {
  key: string;
}

/** Bounds the memory an unbounded number of distinct keys could take. */
const MAX_CACHED_KEYS = 10_000;

/**
 * Issues, lists, revokes and verifies tenant API keys.
 *
 * Verified keys are remembered for API_KEY_CACHE_TTL_MS (30 s by default) so that a request
 * costs no database round trip. A revoke through this process forgets the key at once; other
 * replicas keep accepting it until their entry expires, so a revoke takes effect everywhere
 * within that TTL. Unknown and revoked keys are remembered too, for API_KEY_NEGATIVE_CACHE_TTL_MS,
 * so a flood of made-up keys costs no queries; both memories are bounded (the oldest entry goes).
 */
@Injectable()
export class ApiKeyService {
  private readonly verified: BoundedMemory<TenantPrincipal>;
  private readonly refused: BoundedMemory<true>;

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>,
    private readonly logger: AppLogger,
    config: ConfigService<BaseEnvironment, true>,
  ) {
    this.verified = new BoundedMemory(config.get('API_KEY_CACHE_TTL_MS', { infer: true }), MAX_CACHED_KEYS);
    this.refused = new BoundedMemory(config.get('API_KEY_NEGATIVE_CACHE_TTL_MS', { infer: true }), MAX_CACHED_KEYS);
  }

  async issue(input: { tenantId: string; name: string; scopes: string[] }): Promise<IssuedApiKey> {
    const key = generateApiKey();
    const saved = await this.keys.save(
      this.keys.create({
        tenantId: input.tenantId,
        name: input.name,
        scopes: [...new Set(input.scopes)].sort(),
        keyHash: hashApiKey(key),
        keyPrefix: displayPrefixOf(key),
        revokedAt: null,
      }),
    );
    this.logger.pino.info(
      { keyId: saved.id, tenantId: saved.tenantId, keyPrefix: saved.keyPrefix, scopes: saved.scopes },
      'api key issued',
    );
    return { ...viewOf(saved), key };
  }

  async list(tenantId: string): Promise<ApiKeyView[]> {
    const keys = await this.keys.find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return keys.map(viewOf);
  }

  /** Revoking twice is harmless: the first revocation time stays. */
  async revoke(id: string): Promise<ApiKeyView> {
    const key = await this.keys.findOneBy({ id });
    if (!key) {
      throw new NotFoundProblem(`API key ${id} does not exist.`);
    }
    if (!key.revokedAt) {
      await this.keys.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      this.logger.pino.info({ keyId: id, tenantId: key.tenantId, keyPrefix: key.keyPrefix }, 'api key revoked');
    }
    this.verified.delete(key.keyHash);
    return viewOf(await this.keys.findOneByOrFail({ id }));
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
}

function viewOf(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    tenantId: key.tenantId,
    name: key.name,
    scopes: key.scopes,
    keyPrefix: key.keyPrefix,
    createdAt: key.createdAt,
    revokedAt: key.revokedAt,
  };
}
