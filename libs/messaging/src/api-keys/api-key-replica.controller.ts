import { Controller } from '@nestjs/common';
import { ApiKeysChanged, ApiKeysChangedValue } from '@zoom-oomnitza-sync/contracts';
import { ApiKeyEntity, ApiKeyVerifier, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { ConsumedMessage } from '../consumer/consumed-message';
import { MessageHandler } from '../consumer/message-handler.decorator';

/**
 * Keeps the service's `api_keys` as the credentials service issues and revokes them. A key keeps
 * the tenant and digest it was first announced with, and a revoke is final: a later message
 * saying otherwise changes nothing.
 */
@Controller()
export class ApiKeyReplicaController {
  constructor(private readonly verifier: ApiKeyVerifier) {}

  @MessageHandler(ApiKeysChanged)
  async onApiKeysChanged({ envelope, manager }: ConsumedMessage<ApiKeysChangedValue>): Promise<void> {
    const key = envelope.payload;
    await manager.query(
      `INSERT INTO ${qualifiedTable(manager.connection, ApiKeyEntity)} AS api
              (id, tenant_id, name, scopes, key_hash, key_prefix, created_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE
         SET name = EXCLUDED.name, scopes = EXCLUDED.scopes, revoked_at = COALESCE(api.revoked_at, EXCLUDED.revoked_at)
         WHERE api.tenant_id = EXCLUDED.tenant_id AND api.key_hash = EXCLUDED.key_hash`,
      [key.keyId, envelope.tenantId, key.name, key.scopes, key.keyHash, key.keyPrefix, key.createdAt, key.revokedAt ?? null],
    );
    // This replica asks the database again at once; its other replicas within the cache TTLs.
    this.verifier.forget(key.keyHash);
  }
}
