import { Injectable } from '@nestjs/common';
import { CredentialsChangedValue, MessageEnvelope } from '@zoom-oomnitza-sync/contracts';
import { qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { EntityManager } from 'typeorm';
import { KnownCredentialEntity } from './known-credential.entity';

/** Keeps the known_credentials read model as credentials.changed tells it, in the consumer's transaction. */
@Injectable()
export class KnownCredentials {
  async record(manager: EntityManager, envelope: MessageEnvelope<CredentialsChangedValue>): Promise<void> {
    const { credentialId, kind, change } = envelope.payload;
    const changedAt = new Date(envelope.occurredAt);
    // A credential id belongs to the tenant that first announced it: a later message naming another tenant changes nothing.
    await manager.query(
      `INSERT INTO ${qualifiedTable(manager.connection, KnownCredentialEntity)} AS known (credential_id, tenant_id, kind, deleted_at, changed_at)
       VALUES ($1, $2, $3, CASE WHEN $4 = 'deleted' THEN $5::timestamptz END, $5)
       ON CONFLICT (credential_id) DO UPDATE
         SET deleted_at = COALESCE(known.deleted_at, EXCLUDED.deleted_at), changed_at = EXCLUDED.changed_at
         WHERE known.tenant_id = EXCLUDED.tenant_id AND known.kind = EXCLUDED.kind`,
      [credentialId, envelope.tenantId, kind, change, changedAt],
    );
  }
}
