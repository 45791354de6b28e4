import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboundAddressPolicy } from '@zoom-oomnitza-sync/outbound-http';
import { NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { withUniqueName } from '../common/unique-name';
import { CredentialChanges } from '../credential-changes/credential-changes';
import { CredentialsEnvironment } from '../credentials.environment';
import { SecretCipher } from '../encryption/secret-cipher';
import { last4Of, storedMask } from '../masking/secret-mask';
import { assertReachableBaseUrl, normalizeBaseUrl } from './base-url';
import { CreateOomnitzaCredentialDto } from './dto/create-oomnitza-credential.dto';
import { UpdateOomnitzaCredentialDto } from './dto/update-oomnitza-credential.dto';
import { OomnitzaCredentialEntity } from './oomnitza-credential.entity';
import { OomnitzaCredentialView } from './oomnitza-credential.view';
import { oomnitzaTokenContext } from './oomnitza-secret-fields';

/** A tenant's Oomnitza credentials: every change commits with its CredentialsChanged announcement. */
@Injectable()
export class OomnitzaCredentialsService {
  private readonly allowHttp: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    private readonly changes: CredentialChanges,
    private readonly addresses: OutboundAddressPolicy,
    config: ConfigService<CredentialsEnvironment, true>,
  ) {
    this.allowHttp = config.get('OOMNITZA_ALLOW_HTTP', { infer: true });
  }

  async create(tenantId: string, input: CreateOomnitzaCredentialDto): Promise<OomnitzaCredentialView> {
    const credential = Object.assign(new OomnitzaCredentialEntity(), {
      id: randomUUID(),
      tenantId,
      name: input.name,
      baseUrl: normalizeBaseUrl(input.baseUrl, this.allowHttp),
    });
    await assertReachableBaseUrl(credential.baseUrl, this.addresses);
    credential.apiToken = this.cipher.encrypt(input.apiToken, oomnitzaTokenContext(credential));
    credential.apiTokenLast4 = last4Of(input.apiToken);
    const saved = await withUniqueName('Oomnitza', input.name, () =>
      this.dataSource.transaction(async (manager) => {
        const inserted = await manager.save(credential);
        await this.changes.announce(manager, inserted, 'oomnitza', 'created');
        return inserted;
      }),
    );
    return this.viewOf(saved);
  }

  async list(tenantId: string): Promise<OomnitzaCredentialView[]> {
    const credentials = await this.dataSource
      .getRepository(OomnitzaCredentialEntity)
      .find({ where: { tenantId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return credentials.map((credential) => this.viewOf(credential));
  }

  async get(tenantId: string, id: string): Promise<OomnitzaCredentialView> {
    const credential = await this.dataSource.getRepository(OomnitzaCredentialEntity).findOneBy({ tenantId, id });
    if (!credential) {
      throw notFound(id);
    }
    return this.viewOf(credential);
  }

  /** The token is re-encrypted under the active key, changed or not. */
  async update(tenantId: string, id: string, input: UpdateOomnitzaCredentialDto): Promise<OomnitzaCredentialView> {
    const baseUrl = input.baseUrl === undefined ? undefined : normalizeBaseUrl(input.baseUrl, this.allowHttp);
    if (baseUrl !== undefined) {
      await assertReachableBaseUrl(baseUrl, this.addresses);
    }
    const updated = await withUniqueName('Oomnitza', input.name ?? '', () =>
      this.dataSource.transaction(async (manager) => {
        const credential = await lockedForChange(manager, tenantId, id);
        const apiToken = input.apiToken ?? this.cipher.decrypt(credential.apiToken, oomnitzaTokenContext(credential));
        credential.name = input.name ?? credential.name;
        credential.baseUrl = baseUrl ?? credential.baseUrl;
        credential.apiToken = this.cipher.encrypt(apiToken, oomnitzaTokenContext(credential));
        credential.apiTokenLast4 = last4Of(apiToken);
        const saved = await manager.save(credential);
        await this.changes.announce(manager, saved, 'oomnitza', 'updated');
        return saved;
      }),
    );
    return this.viewOf(updated);
  }

  async remove(tenantId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const credential = await lockedForChange(manager, tenantId, id);
      await manager.delete(OomnitzaCredentialEntity, { id });
      await this.changes.announce(manager, credential, 'oomnitza', 'deleted');
    });
  }

  private viewOf(credential: OomnitzaCredentialEntity): OomnitzaCredentialView {
    return {
      id: credential.id,
      tenantId: credential.tenantId,
      name: credential.name,
      baseUrl: credential.baseUrl,
      apiToken: storedMask(credential.apiToken, credential.apiTokenLast4),
      createdAt: credential.createdAt,
      updatedAt: credential.updatedAt,
    };
  }
}

/** Another tenant's credential does not exist for the caller: 404, never 403. */
function notFound(id: string): NotFoundProblem {
  return new NotFoundProblem(`Oomnitza credential ${id} does not exist.`);
}

async function lockedForChange(manager: EntityManager, tenantId: string, id: string): Promise<OomnitzaCredentialEntity> {
  const credential = await manager.findOne(OomnitzaCredentialEntity, { where: { tenantId, id }, lock: { mode: 'pessimistic_write' } });
  if (!credential) {
    throw notFound(id);
  }
  return credential;
}
