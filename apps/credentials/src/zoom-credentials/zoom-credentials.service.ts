import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { withUniqueName } from '../common/unique-name';
import { CredentialChanges } from '../credential-changes/credential-changes';
import { CredentialsEnvironment } from '../credentials.environment';
import { EncryptedSecret } from '../encryption/encrypted-secret';
import { SecretCipher } from '../encryption/secret-cipher';
import { last4Of, storedMask } from '../masking/secret-mask';
import { newWebhookEndpointId } from '../webhook-endpoints/webhook-endpoint-id';
import { CreateZoomCredentialDto } from './dto/create-zoom-credential.dto';
import { UpdateZoomCredentialDto } from './dto/update-zoom-credential.dto';
import { LocalInstallationProblem } from './local-installation.problem';
import { ZoomCredentialChanges } from './zoom-credential-changes';
import { ZoomCredentialEntity } from './zoom-credential.entity';
import { ZoomCredentialView } from './zoom-credential.view';
import { ZoomSecretField, zoomSecretContext } from './zoom-secret-fields';

/** A tenant's Zoom credentials: every change commits with its CredentialsChanged announcement. */
@Injectable()
export class ZoomCredentialsService {
  /** Where the zoom-fetcher receives each credential's webhooks, up to the endpoint id. */
  private readonly webhookUrlBase: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly changes: CredentialChanges,
    private readonly localChanges: ZoomCredentialChanges,
    config: ConfigService<CredentialsEnvironment, true>,
  ) {
    this.webhookUrlBase = `${config.get('WEBHOOK_PUBLIC_BASE_URL', { infer: true })}/webhooks/zoom/`;
  }

  async create(tenantId: string, input: CreateZoomCredentialDto): Promise<ZoomCredentialView> {
    refuseLocal(input.installationType);
    const credential = Object.assign(new ZoomCredentialEntity(), {
      id: randomUUID(),
      tenantId,
      name: input.name,
      installationType: 'cloud',
      accountId: input.accountId,
      clientId: input.clientId,
      webhookEndpointId: newWebhookEndpointId(),
    });
    credential.clientSecret = this.encrypt(credential, 'clientSecret', input.clientSecret);
    credential.clientSecretLast4 = last4Of(input.clientSecret);
    credential.webhookSecretToken = input.webhookSecretToken
      ? this.encrypt(credential, 'webhookSecretToken', input.webhookSecretToken)
      : null;
    credential.webhookSecretTokenLast4 = input.webhookSecretToken ? last4Of(input.webhookSecretToken) : null;
    const saved = await withUniqueName('Zoom', input.name, () =>
      this.dataSource.transaction(async (manager) => {
        const inserted = await manager.save(credential);
        await this.changes.announce(manager, inserted, 'zoom', 'created');
        return inserted;
      }),
    );
    return this.viewOf(saved);
  }

  async list(tenantId: string): Promise<ZoomCredentialView[]> {
    const credentials = await this.dataSource
      .getRepository(ZoomCredentialEntity)
      .find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return credentials.map((credential) => this.viewOf(credential));
  }

  async get(tenantId: string, id: string): Promise<ZoomCredentialView> {
    const credential = await this.dataSource.getRepository(ZoomCredentialEntity).findOneBy({ tenantId, id });
    if (!credential) {
      throw notFound(id);
    }
    return this.viewOf(credential);
  }

  /** Every secret is re-encrypted under the active key, the ones left unchanged too. */
  async update(tenantId: string, id: string, input: UpdateZoomCredentialDto): Promise<ZoomCredentialView> {
    refuseLocal(input.installationType);
    const updated = await withUniqueName('Zoom', input.name ?? '', () =>
      this.dataSource.transaction(async (manager) => {
        const credential = await lockedForChange(manager, tenantId, id);
        const clientSecret = input.clientSecret ?? this.decrypt(credential, 'clientSecret', credential.clientSecret);
        const webhookSecretToken =
          input.webhookSecretToken === undefined
            ? this.decryptOptional(credential, credential.webhookSecretToken)
            : input.webhookSecretToken;
        credential.name = input.name ?? credential.name;
        credential.accountId = input.accountId ?? credential.accountId;
        credential.clientId = input.clientId ?? credential.clientId;
        credential.clientSecret = this.encrypt(credential, 'clientSecret', clientSecret);
        credential.clientSecretLast4 = last4Of(clientSecret);
        credential.webhookSecretToken =
          webhookSecretToken === null ? null : this.encrypt(credential, 'webhookSecretToken', webhookSecretToken);
        credential.webhookSecretTokenLast4 = webhookSecretToken === null ? null : last4Of(webhookSecretToken);
        const saved = await manager.save(credential);
        await this.changes.announce(manager, saved, 'zoom', 'updated');
        return saved;
      }),
    );
    this.localChanges.changed(id);
    return this.viewOf(updated);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const credential = await lockedForChange(manager, tenantId, id);
      await manager.delete(ZoomCredentialEntity, { id });
      await this.changes.announce(manager, credential, 'zoom', 'deleted');
    });
    this.localChanges.changed(id);
  }

  private viewOf(credential: ZoomCredentialEntity): ZoomCredentialView {
    return {
      id: credential.id,
      tenantId: credential.tenantId,
      name: credential.name,
      installationType: credential.installationType,
      accountId: credential.accountId,
      clientId: credential.clientId,
      clientSecret: storedMask(credential.clientSecret, credential.clientSecretLast4),
      webhookSecretToken: storedMask(credential.webhookSecretToken, credential.webhookSecretTokenLast4),
      webhookUrl: `${this.webhookUrlBase}${credential.webhookEndpointId}`,
      createdAt: credential.createdAt,
      updatedAt: credential.updatedAt,
    };
  }

  private encrypt(credential: ZoomCredentialEntity, field: ZoomSecretField, plaintext: string): EncryptedSecret {
    return this.cipher.encrypt(plaintext, zoomSecretContext(credential, field));
  }

  private decrypt(credential: ZoomCredentialEntity, field: ZoomSecretField, secret: EncryptedSecret): string {
    return this.cipher.decrypt(secret, zoomSecretContext(credential, field));
  }

  private decryptOptional(credential: ZoomCredentialEntity, secret: EncryptedSecret | null): string | null {
    return secret === null ? null : this.decrypt(credential, 'webhookSecretToken', secret);
  }
}

function refuseLocal(installationType: string | undefined): void {
  if (installationType === 'local') {
    throw new LocalInstallationProblem();
  }
}

/** Another tenant's credential does not exist for the caller: 404, never 403. */
function notFound(id: string): NotFoundProblem {
  return new NotFoundProblem(`Zoom credential ${id} does not exist.`);
}

/** Concurrent changes to one credential apply one after the other, each announced in order. */
async function lockedForChange(manager: EntityManager, tenantId: string, id: string): Promise<ZoomCredentialEntity> {
  const credential = await manager.findOne(ZoomCredentialEntity, { where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  if (!credential) {
    throw notFound(id);
  }
  return credential;
}
