import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { Repository } from 'typeorm';
import { SecretCipher } from '../encryption/secret-cipher';
import { ZoomClientCredentials } from '../zoom-oauth/zoom-access-token';
import { ZoomCredentialEntity } from './zoom-credential.entity';
import { zoomSecretContext } from './zoom-secret-fields';

/** What minting a token for a credential needs, its secret decrypted, and the version it was read at. */
export interface ZoomMintingCredential extends ZoomClientCredentials {
  id: string;
  version: number;
}

/** Reads a Zoom credential with its client secret decrypted, for the token broker and connection tests only. */
@Injectable()
export class ZoomCredentialSecrets {
  constructor(
    @InjectRepository(ZoomCredentialEntity) private readonly credentials: Repository<ZoomCredentialEntity>,
    private readonly cipher: SecretCipher,
  ) {}

  async forMinting(id: string): Promise<ZoomMintingCredential> {
    const credential = await this.credentials.findOneBy({ id });
    if (!credential) {
      throw new NotFoundProblem(`Zoom credential ${id} does not exist.`);
    }
    return {
      id: credential.id,
      version: credential.version,
      accountId: credential.accountId,
      clientId: credential.clientId,
      clientSecret: this.cipher.decrypt(credential.clientSecret, zoomSecretContext(credential, 'clientSecret')),
    };
  }

  /** 404 unless the tenant holds the credential. */
  async assertExists(id: string, tenantId: string): Promise<void> {
    if (!(await this.credentials.existsBy({ id, tenantId }))) {
      throw new NotFoundProblem(`Zoom credential ${id} does not exist.`);
    }
  }

  /** The version alone: a cached token is still good while the credential has not changed since. */
  async currentVersion(id: string): Promise<number> {
    const credential = await this.credentials.findOne({ where: { id }, select: { id: true, version: true } });
    if (!credential) {
      throw new NotFoundProblem(`Zoom credential ${id} does not exist.`);
    }
    return credential.version;
  }
}
