/**
 * Values remembered for a while, at most `capacity` of them: when full, the oldest goes, so a
 * flood of distinct keys cannot fill memory. A lifetime of 0 remembers nothing.
 */
export class BoundedMemory<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly capacity: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) {
      return entry.value;
    }
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V): void {
    if (this.lifetimeMs === 0) {
      return;
    }
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
    this.entries.set(key, { value, expiresAt: Date.now() + this.lifetimeMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
