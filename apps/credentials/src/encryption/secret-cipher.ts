import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AUTH_TAG_BYTES, EncryptedSecret, IV_BYTES } from './encrypted-secret';
import { KeyRing } from './key-ring';
import { additionalDataOf, describeContext, SecretContext } from './secret-context';

const ALGORITHM = 'aes-256-gcm';

/** A stored secret that cannot be decrypted: its key is no longer configured, or it was altered or moved. */
export class SecretDecryptionError extends Error {}

/** AES-256-GCM with a fresh random IV per value, bound to where the secret belongs. */
@Injectable()
export class SecretCipher {
  constructor(private readonly keyRing: KeyRing) {}

  /** Always under the active key: updating a credential re-encrypts its secrets under the current key. */
  encrypt(plaintext: string, context: SecretContext): EncryptedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.keyRing.activeKey, iv, { authTagLength: AUTH_TAG_BYTES });
    cipher.setAAD(additionalDataOf(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { keyId: this.keyRing.activeKeyId, iv, authTag: cipher.getAuthTag(), ciphertext };
  }

  /** Stored under a key other than the active one: due for re-encryption. */
  isUnderRetiredKey(secret: EncryptedSecret): boolean {
    return secret.keyId !== this.keyRing.activeKeyId;
  }

  /** Any key still listed decrypts: keys rotate without rewriting every row at once. */
  decrypt(secret: EncryptedSecret, context: SecretContext): string {
    const key = this.keyRing.keyFor(secret.keyId);
    if (!key) {
      throw new SecretDecryptionError(`The ${describeContext(context)} is encrypted under key "${secret.keyId}", which is not configured`);
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, key, secret.iv, { authTagLength: AUTH_TAG_BYTES });
      decipher.setAAD(additionalDataOf(context));
      decipher.setAuthTag(secret.authTag);
      return Buffer.concat([decipher.update(secret.ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionError(`The ${describeContext(context)} failed authentication: it was altered or belongs elsewhere`);
    }
  }
}
