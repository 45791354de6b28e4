import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { Repository } from 'typeorm';
import { SecretCipher } from '../encryption/secret-cipher';
import { OomnitzaCredentialEntity } from './oomnitza-credential.entity';
import { oomnitzaTokenContext } from './oomnitza-secret-fields';

export interface OomnitzaAccess {
  baseUrl: string;
  apiToken: string;
}

/** Reads an Oomnitza credential with its token decrypted, for internal callers and connection tests only. */
@Injectable()
export class OomnitzaCredentialSecrets {
  constructor(
    @InjectRepository(OomnitzaCredentialEntity) private readonly credentials: Repository<OomnitzaCredentialEntity>,
    private readonly cipher: SecretCipher,
  ) {}

  /** Another tenant's credential does not exist for the caller. */
  async access(id: string, tenantId: string): Promise<OomnitzaAccess> {
    const credential = await this.credentials.findOneBy({ id, tenantId });
    if (!credential) {
      throw new NotFoundProblem(`Oomnitza credential ${id} does not exist.`);
    }
    return { baseUrl: credential.baseUrl, apiToken: this.cipher.decrypt(credential.apiToken, oomnitzaTokenContext(credential)) };
  }
}
