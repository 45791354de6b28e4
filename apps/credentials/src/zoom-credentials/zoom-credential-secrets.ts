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

/** Who receives a Zoom webhook endpoint's events, and the secret token its deliveries are signed with. */
export interface ZoomWebhookEndpoint {
  tenantId: string;
  zoomCredentialId: string;
  accountId: string;
  webhookSecretToken: string;
}

/** Reads a Zoom credential with a secret decrypted, for the token broker, connection tests and the webhook receiver only. */
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

  /** 404 for an unknown endpoint and for a credential without a webhook secret token: neither can verify a delivery. */
  async forWebhookEndpoint(endpointId: string): Promise<ZoomWebhookEndpoint> {
    const credential = await this.credentials.findOneBy({ webhookEndpointId: endpointId });
    if (!credential?.webhookSecretToken) {
      throw new NotFoundProblem('No Zoom credential with a webhook secret token has this webhook endpoint.');
    }
    return {
      tenantId: credential.tenantId,
      zoomCredentialId: credential.id,
      accountId: credential.accountId,
      webhookSecretToken: this.cipher.decrypt(credential.webhookSecretToken, zoomSecretContext(credential, 'webhookSecretToken')),
    };
  }

  /** The Zoom account of a credential the tenant holds; 404 otherwise. */
  async accountIdOf(id: string, tenantId: string): Promise<string> {
    const credential = await this.credentials.findOne({ where: { id, tenantId }, select: { id: true, accountId: true } });
    if (!credential) {
      throw new NotFoundProblem(`Zoom credential ${id} does not exist.`);
    }
    return credential.accountId;
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
