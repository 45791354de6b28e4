import { createHash, timingSafeEqual } from 'node:crypto';

/** The services allowed to fetch secrets, known by the sha256 of their tokens. */
export class ServiceTokens {
  private readonly digests: Array<{ service: string; digest: Buffer }>;

  constructor(tokens: ReadonlyMap<string, string>) {
    this.digests = [...tokens].map(([service, token]) => ({ service, digest: sha256(token) }));
  }

  /**
   * The service a presented token belongs to. Digests of equal length compared in constant time,
   * every one of them: neither the length nor the position of a match shows in the timing.
   */
  identify(presented: string): string | undefined {
    const digest = sha256(presented);
    let match: string | undefined;
    for (const candidate of this.digests) {
      if (timingSafeEqual(digest, candidate.digest)) {
        match = candidate.service;
      }
    }
    return match;
  }
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
