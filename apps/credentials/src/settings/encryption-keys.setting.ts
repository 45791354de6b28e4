/** Key ids name keys in every stored ciphertext; "." separates the parts of that stored form. */
export const KEY_ID_FORMAT = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
export const ENCRYPTION_KEY_BYTES = 32;

export interface ParsedEncryptionKeys {
  keys: Map<string, Buffer>;
  /** Each names the entry or key id at fault, never the key material. */
  problems: string[];
}

/** Parses `keyId:base64-of-32-bytes[,keyId:base64...]` (CREDENTIALS_ENCRYPTION_KEYS). */
export function parseEncryptionKeys(raw: unknown): ParsedEncryptionKeys {
  const keys = new Map<string, Buffer>();
  const problems: string[] = [];
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { keys, problems: ['must list at least one key as keyId:base64-of-32-bytes'] };
  }
  raw.split(',').forEach((entry, index) => {
    const separator = entry.indexOf(':');
    const keyId = entry.slice(0, separator).trim();
    const material = entry.slice(separator + 1).trim();
    if (separator < 0 || !KEY_ID_FORMAT.test(keyId)) {
      problems.push(`entry ${index + 1} must look like keyId:base64-of-32-bytes (a key id is 1 to 32 letters, digits, "_" or "-")`);
      return;
    }
    if (keys.has(keyId)) {
      problems.push(`key id "${keyId}" is listed twice`);
      return;
    }
    const bytes = BASE64.test(material) ? Buffer.from(material, 'base64') : undefined;
    if (!bytes || bytes.length !== ENCRYPTION_KEY_BYTES) {
      const found = bytes ? `it decodes to ${bytes.length} bytes` : 'it is not base64';
      problems.push(`key "${keyId}" must be the base64 of exactly ${ENCRYPTION_KEY_BYTES} bytes (${found})`);
      return;
    }
    keys.set(keyId, bytes);
  });
  return { keys, problems };
}
