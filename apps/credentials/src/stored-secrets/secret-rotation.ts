import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { EncryptedSecret, formatEncryptedSecret } from '../encryption/encrypted-secret';
import { SecretCipher } from '../encryption/secret-cipher';
import { SecretContext } from '../encryption/secret-context';
import { OomnitzaCredentialEntity } from '../oomnitza-credentials/oomnitza-credential.entity';
import { oomnitzaTokenContext } from '../oomnitza-credentials/oomnitza-secret-fields';
import { ZoomCredentialEntity } from '../zoom-credentials/zoom-credential.entity';
import { zoomSecretContext } from '../zoom-credentials/zoom-secret-fields';

/**
 * Re-encrypts under the active key every stored secret still under a retired one, a credential
 * per transaction (its row locked; one being changed meanwhile is skipped and re-encrypted by
 * that change). The plaintext does not change, so nothing is announced. Once it has run, the
 * retired key can leave CREDENTIALS_ENCRYPTION_KEYS.
 */
@Injectable()
export class SecretRotation {
  private readonly log: Logger;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: SecretRotation.name });
  }

  /** How many credentials it re-encrypted. */
  async rotate(): Promise<number> {
    let rotated = 0;
    for (const { id } of await this.dataSource.getRepository(ZoomCredentialEntity).find({ select: { id: true } })) {
      rotated += await this.inTransaction(id, (manager) => this.rotateZoom(manager, id));
    }
    for (const { id } of await this.dataSource.getRepository(OomnitzaCredentialEntity).find({ select: { id: true } })) {
      rotated += await this.inTransaction(id, (manager) => this.rotateOomnitza(manager, id));
    }
    if (rotated > 0) {
      this.log.info({ rotated }, 'stored secrets re-encrypted under the active key');
    }
    return rotated;
  }

  private async rotateZoom(manager: EntityManager, id: string): Promise<boolean> {
    const credential = await manager.findOne(ZoomCredentialEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    if (!credential) {
      return false;
    }
    const clientSecret = this.reencrypted(credential.clientSecret, zoomSecretContext(credential, 'clientSecret'));
    const webhookToken =
      credential.webhookSecretToken && this.reencrypted(credential.webhookSecretToken, zoomSecretContext(credential, 'webhookSecretToken'));
    if (!clientSecret && !webhookToken) {
      return false;
    }
    await manager.query(
      `UPDATE ${qualifiedTable(this.dataSource, ZoomCredentialEntity)} SET client_secret = $2, webhook_secret_token = $3 WHERE id = $1`,
      [
        id,
        formatEncryptedSecret(clientSecret ?? credential.clientSecret),
        credential.webhookSecretToken && formatEncryptedSecret(webhookToken || credential.webhookSecretToken),
      ],
    );
    return true;
  }

  private async rotateOomnitza(manager: EntityManager, id: string): Promise<boolean> {
    const credential = await manager.findOne(OomnitzaCredentialEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    const apiToken = credential && this.reencrypted(credential.apiToken, oomnitzaTokenContext(credential));
    if (!apiToken) {
      return false;
    }
    await manager.query(`UPDATE ${qualifiedTable(this.dataSource, OomnitzaCredentialEntity)} SET api_token = $2 WHERE id = $1`, [
      id,
      formatEncryptedSecret(apiToken),
    ]);
    return true;
  }

  /** The secret under the active key, or undefined when it already is. */
  private reencrypted(secret: EncryptedSecret, context: SecretContext): EncryptedSecret | undefined {
    return this.cipher.isUnderRetiredKey(secret) ? this.cipher.encrypt(this.cipher.decrypt(secret, context), context) : undefined;
  }

  /** 1 when it re-encrypted the credential; a secret that cannot be decrypted is logged and left as it is. */
  private async inTransaction(credentialId: string, work: (manager: EntityManager) => Promise<boolean>): Promise<number> {
    try {
      return (await this.dataSource.transaction(work)) ? 1 : 0;
    } catch (error) {
      this.log.warn(
        { credentialId, reason: error instanceof Error ? error.message : String(error) },
        'could not re-encrypt this credential',
      );
      return 0;
    }
  }
}
