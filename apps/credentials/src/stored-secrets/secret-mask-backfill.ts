import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource, IsNull } from 'typeorm';
import { SecretCipher } from '../encryption/secret-cipher';
import { OomnitzaCredentialEntity } from '../oomnitza-credentials/oomnitza-credential.entity';
import { oomnitzaTokenContext } from '../oomnitza-credentials/oomnitza-secret-fields';
import { ZoomCredentialEntity } from '../zoom-credentials/zoom-credential.entity';
import { zoomSecretContext } from '../zoom-credentials/zoom-secret-fields';
import { last4Of } from '../masking/secret-mask';

/**
 * Credentials stored before masks were kept at write time get theirs: each secret is decrypted on
 * its own, so one that cannot be is logged and skipped.
 */
@Injectable()
export class SecretMaskBackfill {
  private readonly log: Logger;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: SecretMaskBackfill.name });
  }

  async fill(): Promise<void> {
    let failed = 0;
    const zoom = this.dataSource.getRepository(ZoomCredentialEntity);
    for (const credential of await zoom.findBy({ clientSecretLast4: IsNull() })) {
      failed += await this.attempt(credential.id, async () => {
        const secret = this.cipher.decrypt(credential.clientSecret, zoomSecretContext(credential, 'clientSecret'));
        const token =
          credential.webhookSecretToken &&
          this.cipher.decrypt(credential.webhookSecretToken, zoomSecretContext(credential, 'webhookSecretToken'));
        await zoom.update(
          { id: credential.id },
          { clientSecretLast4: last4Of(secret), webhookSecretTokenLast4: token ? last4Of(token) : null },
        );
      });
    }
    const oomnitza = this.dataSource.getRepository(OomnitzaCredentialEntity);
    for (const credential of await oomnitza.findBy({ apiTokenLast4: IsNull() })) {
      failed += await this.attempt(credential.id, async () => {
        const token = this.cipher.decrypt(credential.apiToken, oomnitzaTokenContext(credential));
        await oomnitza.update({ id: credential.id }, { apiTokenLast4: last4Of(token) });
      });
    }
    if (failed > 0) {
      this.log.warn({ failed }, 'some credentials have secrets that cannot be decrypted; they show no last four characters');
    }
  }

  /** 0 when it worked, 1 when the credential's secret could not be decrypted. */
  private async attempt(credentialId: string, fill: () => Promise<void>): Promise<number> {
    try {
      await fill();
      return 0;
    } catch (error) {
      this.log.warn({ credentialId, reason: error instanceof Error ? error.message : String(error) }, 'no mask for this credential');
      return 1;
    }
  }
}
