import { createHash } from 'node:crypto';
import { displayPrefixOf, generateApiKey, hashApiKey, isWellFormedApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('generates zos_ + 40 base62 characters, different every time', () => {
    const keys = Array.from({ length: 200 }, generateApiKey);
    for (const key of keys) {
      expect(key).toMatch(/^zos_[0-9A-Za-z]{40}$/);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses the whole base62 alphabet', () => {
    const seen = new Set(Array.from({ length: 200 }, generateApiKey).flatMap((key) => [...key.slice(4)]));
    expect(seen.size).toBe(62);
  });

  it('hashes with sha256 hex', () => {
    expect(hashApiKey('zos_example')).toBe(createHash('sha256').update('zos_example').digest('hex'));
  });

  it('recognises only well-formed keys and shows their first 8 characters', () => {
    const key = generateApiKey();
    expect(isWellFormedApiKey(key)).toBe(true);
    expect(isWellFormedApiKey(`${key}x`)).toBe(false);
    expect(isWellFormedApiKey(key.replace('zos_', 'xyz_'))).toBe(false);
    expect(displayPrefixOf(key)).toBe(key.slice(0, 8));
    expect(displayPrefixOf(key)).toMatch(/^zos_/);
  });
});
