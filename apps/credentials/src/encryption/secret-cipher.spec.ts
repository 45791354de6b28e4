import { randomBytes } from 'node:crypto';
import { formatEncryptedSecret, parseEncryptedSecret } from './encrypted-secret';
import { KeyRing } from './key-ring';
import { SecretCipher, SecretDecryptionError } from './secret-cipher';
import { SecretContext } from './secret-context';

const OLD_KEY = randomBytes(32);
const NEW_KEY = randomBytes(32);
const CONTEXT: SecretContext = {
  tenantId: 'acme',
  kind: 'zoom',
  credentialId: '5b0d1c7e-0000-4000-8000-000000000001',
  field: 'clientSecret',
};
const SECRET = 'client-secret-0123456789-ÄÖÜ';

const cipherWith = (keys: Record<string, Buffer>, active: string) => new SecretCipher(new KeyRing(new Map(Object.entries(keys)), active));

function flipFirstBit(buffer: Buffer): Buffer {
  const copy = Buffer.from(buffer);
  copy[0] ^= 1;
  return copy;
}

describe('SecretCipher', () => {
  const cipher = cipherWith({ old: OLD_KEY }, 'old');

  it('round-trips a secret; the ciphertext does not contain it', () => {
    const encrypted = cipher.encrypt(SECRET, CONTEXT);
    expect(cipher.decrypt(encrypted, CONTEXT)).toBe(SECRET);
    expect(encrypted.ciphertext.includes(Buffer.from(SECRET))).toBe(false);
    expect(formatEncryptedSecret(encrypted)).not.toContain(SECRET);
  });

  it('uses a fresh 12-byte IV each time, so equal secrets give different ciphertexts', () => {
    const first = cipher.encrypt(SECRET, CONTEXT);
    const second = cipher.encrypt(SECRET, CONTEXT);
    expect(first.iv).toHaveLength(12);
    expect(first.authTag).toHaveLength(16);
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
  });

  it.each([
    ['ciphertext', (secret: ReturnType<SecretCipher['encrypt']>) => ({ ...secret, ciphertext: flipFirstBit(secret.ciphertext) })],
    ['authentication tag', (secret: ReturnType<SecretCipher['encrypt']>) => ({ ...secret, authTag: flipFirstBit(secret.authTag) })],
    ['IV', (secret: ReturnType<SecretCipher['encrypt']>) => ({ ...secret, iv: flipFirstBit(secret.iv) })],
  ])('refuses a secret whose %s was altered', (_part, tamper) => {
    const encrypted = cipher.encrypt(SECRET, CONTEXT);
    expect(() => cipher.decrypt(tamper(encrypted), CONTEXT)).toThrow(SecretDecryptionError);
  });

  it.each([
    ['another tenant', { tenantId: 'globex' }],
    ['another credential', { credentialId: '5b0d1c7e-0000-4000-8000-000000000002' }],
    ['another field', { field: 'webhookSecretToken' }],
    ['another kind', { kind: 'oomnitza' as const }],
  ])('refuses a ciphertext moved to %s', (_where, elsewhere) => {
    const encrypted = cipher.encrypt(SECRET, CONTEXT);
    expect(() => cipher.decrypt(encrypted, { ...CONTEXT, ...elsewhere })).toThrow(
      /failed authentication: it was altered or belongs elsewhere/,
    );
  });

  it('rotates keys: values under the old key still decrypt while it is listed; new values use the active key', () => {
    const underOld = cipher.encrypt(SECRET, CONTEXT);
    const rotated = cipherWith({ old: OLD_KEY, new: NEW_KEY }, 'new');
    expect(rotated.decrypt(underOld, CONTEXT)).toBe(SECRET);
    const reEncrypted = rotated.encrypt(rotated.decrypt(underOld, CONTEXT), CONTEXT);
    expect(reEncrypted.keyId).toBe('new');
    expect(cipherWith({ new: NEW_KEY }, 'new').decrypt(reEncrypted, CONTEXT)).toBe(SECRET);
  });

  it('names the key id when a value is under a key no longer configured', () => {
    const underOld = cipher.encrypt(SECRET, CONTEXT);
    expect(() => cipherWith({ new: NEW_KEY }, 'new').decrypt(underOld, CONTEXT)).toThrow(
      'encrypted under key "old", which is not configured',
    );
  });

  it('refuses a value whose key id was relabelled to another key', () => {
    const underOld = cipher.encrypt(SECRET, CONTEXT);
    expect(() => cipherWith({ old: OLD_KEY, new: NEW_KEY }, 'new').decrypt({ ...underOld, keyId: 'new' }, CONTEXT)).toThrow(
      SecretDecryptionError,
    );
  });
});

describe('stored form of an encrypted secret', () => {
  it('is v1.<keyId>.<iv>.<tag>.<ciphertext> and parses back to the same parts', () => {
    const encrypted = cipherWith({ 'key-2025_01': OLD_KEY }, 'key-2025_01').encrypt(SECRET, CONTEXT);
    const stored = formatEncryptedSecret(encrypted);
    expect(stored).toMatch(/^v1\.key-2025_01\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(parseEncryptedSecret(stored)).toEqual(encrypted);
  });

  it.each(['plaintext-secret', 'v2.k1.a.b.c', 'v1.k1.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'])('refuses %p', (stored) => {
    expect(() => parseEncryptedSecret(stored)).toThrow();
  });
});
