import { createHash, randomBytes } from 'node:crypto';

export const API_KEY_PREFIX = 'zos_';
const RANDOM_LENGTH = 40;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Bytes at or above this are dropped so every base62 digit stays equally likely. */
const UNBIASED_LIMIT = 256 - (256 % BASE62.length);
const API_KEY_FORMAT = new RegExp(`^${API_KEY_PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH}}$`);

/** A new key: "zos_" + 40 base62 characters (about 238 bits of randomness). */
export function generateApiKey(): string {
  let digits = '';
  while (digits.length < RANDOM_LENGTH) {
    for (const byte of randomBytes(RANDOM_LENGTH)) {
      if (byte < UNBIASED_LIMIT && digits.length < RANDOM_LENGTH) {
        digits += BASE62[byte % BASE62.length];
      }
    }
  }
  return `${API_KEY_PREFIX}${digits}`;
}

/** Only this digest is stored: a leaked table does not yield usable keys. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function isWellFormedApiKey(candidate: string): boolean {
  return API_KEY_FORMAT.test(candidate);
}

/** What is shown of a key after it was issued, to tell keys apart. */
export function displayPrefixOf(key: string): string {
  return key.slice(0, 8);
}
