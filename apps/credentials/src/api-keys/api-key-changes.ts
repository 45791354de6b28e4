import { Injectable } from '@nestjs/common';
import { ApiKeysChanged } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { ApiKeyEntity } from '@zoom-oomnitza-sync/platform';
import { EntityManager } from 'typeorm';

/** What every service needs of a key to verify it. */
export type AnnouncedApiKey = Pick<
  ApiKeyEntity,
  'id' | 'tenantId' | 'name' | 'scopes' | 'keyHash' | 'keyPrefix' | 'createdAt' | 'revokedAt'
>;

/** Publishes a key's current state (its digest, never the key) for every service's read model. */
@Injectable()
export class ApiKeyChanges {
  constructor(private readonly outbox: OutboxService) {}

  /** Inside the transaction that makes the change: announced exactly when it commits. */
  async announce(manager: EntityManager, key: AnnouncedApiKey): Promise<void> {
    await this.outbox.publish(manager, ApiKeysChanged, {
      tenantId: key.tenantId,
      // Not about one integration: the key id keys the message, so compaction keeps each key's newest state.
      integrationId: key.id,
      payload: {
        keyId: key.id,
        name: key.name,
        scopes: key.scopes,
        keyHash: key.keyHash,
        keyPrefix: key.keyPrefix,
        createdAt: new Date(key.createdAt).toISOString(),
        revokedAt: key.revokedAt ? new Date(key.revokedAt).toISOString() : null,
      },
    });
  }
}
