import { ValueTransformer } from 'typeorm';

/**
 * A secret as stored: AES-256-GCM ciphertext with its IV, authentication tag and the id of the
 * key it was encrypted under. Entities hold this type, never the plaintext.
 */
export interface EncryptedSecret {
  keyId: string;
  iv: Buffer;
  authTag: Buffer;
  ciphertext: Buffer;
}

const FORMAT_VERSION = 'v1';
export const IV_BYTES = 12;
export const AUTH_TAG_BYTES = 16;
const PARTS = /^v1\.([A-Za-z0-9_-]{1,32})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

/** `v1.<keyId>.<iv>.<authTag>.<ciphertext>`, the binary parts base64url: one text column per secret. */
export function formatEncryptedSecret(secret: EncryptedSecret): string {
  return [FORMAT_VERSION, secret.keyId, secret.iv, secret.authTag, secret.ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

export function parseEncryptedSecret(stored: string): EncryptedSecret {
  const match = PARTS.exec(stored);
  if (!match) {
    throw new Error('The stored secret is not in the v1 encrypted format');
  }
  const [, keyId, iv, authTag, ciphertext] = match;
  const secret = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    authTag: Buffer.from(authTag, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
  };
  if (secret.iv.length !== IV_BYTES || secret.authTag.length !== AUTH_TAG_BYTES) {
    throw new Error('The stored secret has an IV or authentication tag of the wrong length');
  }
  return secret;
}

/** Maps an EncryptedSecret property to its text column (null stays null: an optional secret not set). */
export const encryptedSecretColumn: ValueTransformer = {
  to: (secret: EncryptedSecret | null | undefined) => (secret ? formatEncryptedSecret(secret) : secret),
  from: (stored: string | null) => (stored === null ? null : parseEncryptedSecret(stored)),
};
