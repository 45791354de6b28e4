/** The encryption keys: every key a stored secret may name, and the one that encrypts new values. */
export class KeyRing {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeKeyId: string,
  ) {
    if (!keys.has(activeKeyId)) {
      throw new Error(`The active key "${activeKeyId}" is not in the key ring`);
    }
  }

  get activeKey(): Buffer {
    return this.keys.get(this.activeKeyId) as Buffer;
  }

  keyFor(keyId: string): Buffer | undefined {
    return this.keys.get(keyId);
  }
}
