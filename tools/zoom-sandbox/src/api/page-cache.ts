/**
 * Pages of users already encoded as JSON bytes, for one account. Everything is forgotten when
 * the population changes, so a cached page is never stale.
 */
export class PageCache {
  private revision = -1;
  private readonly pages = new Map<string, Buffer>();

  constructor(private readonly maxPages = 4096) {}

  get(revision: number, key: string, build: () => Buffer): Buffer {
    if (revision !== this.revision) {
      this.revision = revision;
      this.pages.clear();
    }
    let page = this.pages.get(key);
    if (page === undefined) {
      if (this.pages.size >= this.maxPages) {
        this.pages.clear();
      }
      page = build();
      this.pages.set(key, page);
    }
    return page;
  }
}
