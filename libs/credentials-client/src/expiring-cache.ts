interface Entry<TValue> {
  value: Promise<TValue>;
  /** Set once the lookup succeeded: until then concurrent callers share the lookup in flight. */
  resolved?: { value: TValue; expiresAt: number };
}

/**
 * Values kept for a while (the same time each, or as long as each value says), looked up once
 * however many callers ask at the same time. A failed lookup is not kept: the next caller asks again.
 */
export class ExpiringCache<TValue> {
  private readonly entries = new Map<string, Entry<TValue>>();

  private readonly lifetimeMs: (value: TValue) => number;

  constructor(
    lifetimeMs: number | ((value: TValue) => number),
    private readonly now: () => number = Date.now,
  ) {
    this.lifetimeMs = typeof lifetimeMs === 'number' ? () => lifetimeMs : lifetimeMs;
  }

  get(key: string, lookUp: () => Promise<TValue>): Promise<TValue> {
    const cached = this.entries.get(key);
    if (cached && (!cached.resolved || cached.resolved.expiresAt > this.now())) {
      return cached.value;
    }
    const entry: Entry<TValue> = { value: lookUp() };
    this.entries.set(key, entry);
    entry.value.then(
      (value) => (entry.resolved = { value, expiresAt: this.now() + this.lifetimeMs(value) }),
      () => this.drop(key, entry),
    );
    return entry.value;
  }

  /** Drops the values that match, and lookups still in flight (they may have read what changed). */
  forget(matches: (value: TValue) => boolean): void {
    for (const [key, entry] of this.entries) {
      if (!entry.resolved || matches(entry.resolved.value)) {
        this.drop(key, entry);
      }
    }
  }

  /** Drops the key's value, or the lookup in flight for it. */
  forgetKey(key: string): void {
    this.entries.delete(key);
  }

  /** Drops the values, and lookups in flight, of every key that matches. */
  forgetKeys(matches: (key: string) => boolean): void {
    for (const key of [...this.entries.keys()].filter(matches)) {
      this.entries.delete(key);
    }
  }

  private drop(key: string, entry: Entry<TValue>): void {
    if (this.entries.get(key) === entry) {
      this.entries.delete(key);
    }
  }
}
