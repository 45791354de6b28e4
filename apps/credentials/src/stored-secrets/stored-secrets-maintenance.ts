import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { EncryptedSecret, formatEncryptedSecret } from '../encryption/encrypted-secret';
import { SecretCipher } from '../encryption/secret-cipher';
import { SecretContext } from '../encryption/secret-context';
import { last4Of } from '../masking/secret-mask';
import { OomnitzaCredentialEntity } from '../oomnitza-credentials/oomnitza-credential.entity';
import { oomnitzaTokenContext } from '../oomnitza-credentials/oomnitza-secret-fields';
import { ZoomCredentialEntity } from '../zoom-credentials/zoom-credential.entity';
import { zoomSecretContext } from '../zoom-credentials/zoom-secret-fields';

/** A stored secret brought up to date: under the active key, with its last four characters. */
interface MaintainedSecret {
  stored: string;
  last4: string | null;
  changed: boolean;
}

/**
 * At startup, in the background, each credential whose secrets are under a retired key, or that
 * was stored before masks were kept, is brought up to date in a transaction of its own (its row
 * locked; one being changed meanwhile is skipped, the change does the same). The plaintext does
 * not change, so nothing is announced and `updated_at` stays. A secret that cannot be decrypted
 * is logged and its credential left as it is. Once done, a retired key can leave
 * CREDENTIALS_ENCRYPTION_KEYS.
 */
@Injectable()
export class StoredSecretsMaintenance implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cipher: SecretCipher,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: StoredSecretsMaintenance.name });
  }

  onApplicationBootstrap(): void {
    void this.run().catch((error: unknown) =>
      this.log.warn({ err: error }, 'stored secrets maintenance failed; it runs again at the next start'),
    );
  }

  /** How many credentials it brought up to date. */
  async run(): Promise<number> {
    let maintained = 0;
    for (const { id } of await this.dataSource.getRepository(ZoomCredentialEntity).find({ select: { id: true } })) {
      maintained += await this.forOne(id, (manager) => this.maintainZoom(manager, id));
    }
    for (const { id } of await this.dataSource.getRepository(OomnitzaCredentialEntity).find({ select: { id: true } })) {
      maintained += await this.forOne(id, (manager) => this.maintainOomnitza(manager, id));
    }
    if (maintained > 0) {
      this.log.info({ maintained }, 'stored secrets re-encrypted under the active key or given their masks');
    }
    return maintained;
  }

  private async maintainZoom(manager: EntityManager, id: string): Promise<boolean> {
    const credential = await manager.findOne(ZoomCredentialEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    if (!credential) {
      return false;
    }
    const secret = this.maintained(credential.clientSecret, credential.clientSecretLast4, zoomSecretContext(credential, 'clientSecret'));
    const token =
      credential.webhookSecretToken &&
      this.maintained(
        credential.webhookSecretToken,
        credential.webhookSecretTokenLast4,
        zoomSecretContext(credential, 'webhookSecretToken'),
      );
    if (!secret.changed && !token?.changed) {
      return false;
    }
    await manager.query(
      `UPDATE ${qualifiedTable(this.dataSource, ZoomCredentialEntity)}
          SET client_secret = $2, client_secret_last4 = $3, webhook_secret_token = $4, webhook_secret_token_last4 = $5 WHERE id = $1`,
      [id, secret.stored, secret.last4, token ? token.stored : null, token ? token.last4 : null],
    );
    return true;
  }

  private async maintainOomnitza(manager: EntityManager, id: string): Promise<boolean> {
    const credential = await manager.findOne(OomnitzaCredentialEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write', onLocked: 'skip_locked' },
    });
    const token = credential && this.maintained(credential.apiToken, credential.apiTokenLast4, oomnitzaTokenContext(credential));
    if (!token?.changed) {
      return false;
    }
    await manager.query(
      `UPDATE ${qualifiedTable(this.dataSource, OomnitzaCredentialEntity)} SET api_token = $2, api_token_last4 = $3 WHERE id = $1`,
      [id, token.stored, token.last4],
    );
    return true;
  }

  /** Decrypts only when something is due: a retired key, or a mask never kept. */
  private maintained(secret: EncryptedSecret, last4: string | null, context: SecretContext): MaintainedSecret {
    const retired = this.cipher.isUnderRetiredKey(secret);
    if (!retired && last4 !== null) {
      return { stored: formatEncryptedSecret(secret), last4, changed: false };
    }
    const plaintext = this.cipher.decrypt(secret, context);
    const kept = last4Of(plaintext);
    return {
      stored: formatEncryptedSecret(retired ? this.cipher.encrypt(plaintext, context) : secret),
      last4: kept,
      changed: retired || kept !== last4,
    };
  }

  /** 1 when it brought the credential up to date; a failure (a secret that cannot be decrypted) is logged. */
  private async forOne(credentialId: string, work: (manager: EntityManager) => Promise<boolean>): Promise<number> {
    try {
      return (await this.dataSource.transaction(work)) ? 1 : 0;
    } catch (error) {
      this.log.warn(
        { credentialId, reason: error instanceof Error ? error.message : String(error) },
        'could not bring this credential up to date',
      );
      return 0;
    }
  }
}
