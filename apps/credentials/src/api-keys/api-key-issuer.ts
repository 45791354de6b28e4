import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiKeyEntity,
  ApiKeyVerifier,
  AppLogger,
  displayPrefixOf,
  generateApiKey,
  hashApiKey,
  NotFoundProblem,
  qualifiedTable,
} from '@zoom-oomnitza-sync/platform';
import { DataSource } from 'typeorm';
import { ApiKeyChanges } from './api-key-changes';

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

/**
 * Issues, lists and revokes the tenant API keys of every service: each change commits with its
 * `api-keys.changed` announcement, from which the other services keep their read models.
 */
@Injectable()
export class ApiKeyIssuer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ApiKeyChanges,
    private readonly verifier: ApiKeyVerifier,
    private readonly logger: AppLogger,
  ) {}

  async issue(input: { tenantId: string; name: string; scopes: string[] }): Promise<IssuedApiKey> {
    const key = generateApiKey();
    const saved = await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.save(
        manager.create(ApiKeyEntity, {
          tenantId: input.tenantId,
          name: input.name,
          scopes: [...new Set(input.scopes)].sort(),
          keyHash: hashApiKey(key),
          keyPrefix: displayPrefixOf(key),
          revokedAt: null,
        }),
      );
      await this.changes.announce(manager, inserted);
      return inserted;
    });
    this.verifier.forget(saved.keyHash);
    this.logger.pino.info(
      { keyId: saved.id, tenantId: saved.tenantId, keyPrefix: saved.keyPrefix, scopes: saved.scopes },
      'api key issued',
    );
    return { ...viewOf(saved), key };
  }

  async list(tenantId: string): Promise<ApiKeyView[]> {
    const keys = await this.dataSource.getRepository(ApiKeyEntity).find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return keys.map(viewOf);
  }

  /** Revoking twice is harmless: the first revocation time stays, and nothing is announced again. */
  async revoke(id: string): Promise<ApiKeyView> {
    const key = await this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(ApiKeyEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!found) {
        throw new NotFoundProblem(`API key ${id} does not exist.`);
      }
      if (found.revokedAt) {
        return found;
      }
      const [[{ revoked_at: revokedAt }]] = (await manager.query(
        `UPDATE ${qualifiedTable(this.dataSource, ApiKeyEntity)} SET revoked_at = now() WHERE id = $1 RETURNING revoked_at`,
        [id],
      )) as [{ revoked_at: Date }[], number];
      const revoked = { ...found, revokedAt };
      await this.changes.announce(manager, revoked);
      this.logger.pino.info({ keyId: id, tenantId: found.tenantId, keyPrefix: found.keyPrefix }, 'api key revoked');
      return revoked;
    });
    this.verifier.forget(key.keyHash);
    return viewOf(key);
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
