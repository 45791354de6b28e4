import { Injectable } from '@nestjs/common';
import { CREDENTIAL_CHANGES, CREDENTIAL_KINDS, CredentialsChanged } from '@zoom-oomnitza-sync/contracts';
import { OutboxService } from '@zoom-oomnitza-sync/messaging';
import { EntityManager } from 'typeorm';

export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];
export type CredentialChange = (typeof CREDENTIAL_CHANGES)[number];

/** Announces a credential change to the services holding its secrets; never carries a secret. */
@Injectable()
export class CredentialChanges {
  constructor(private readonly outbox: OutboxService) {}

  /** Inside the transaction that makes the change: announced exactly when it commits. */
  async announce(
    manager: EntityManager,
    credential: { id: string; tenantId: string },
    kind: CredentialKind,
    change: CredentialChange,
  ): Promise<void> {
    await this.outbox.publish(manager, CredentialsChanged, {
      tenantId: credential.tenantId,
      // Not about one integration: the credential id keys the message, so its changes stay in order.
      integrationId: credential.id,
      payload: { credentialId: credential.id, kind, change },
    });
  }
}
