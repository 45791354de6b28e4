import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimitedProblem } from '@zoom-oomnitza-sync/platform';
import { CredentialsEnvironment } from '../credentials.environment';

/**
 * At most CONNECTION_TESTS_PER_TENANT connection tests of one tenant run at once in this replica:
 * each calls Zoom or Oomnitza and may wait for its timeout, so one tenant's burst must not tie up
 * the outbound calls everyone shares. One more is refused at once (429), not queued.
 */
@Injectable()
export class TenantTestSlots {
  private readonly running = new Map<string, number>();
  private readonly perTenant: number;

  constructor(config: ConfigService<CredentialsEnvironment, true>) {
    this.perTenant = config.get('CONNECTION_TESTS_PER_TENANT', { infer: true });
  }

  async run<T>(tenantId: string, test: () => Promise<T>): Promise<T> {
    const busy = this.running.get(tenantId) ?? 0;
    if (busy >= this.perTenant) {
      throw new RateLimitedProblem(`${busy} connection tests of this tenant are already running: try again when one is done.`, 1);
    }
    this.running.set(tenantId, busy + 1);
    try {
      return await test();
    } finally {
      const left = (this.running.get(tenantId) ?? 1) - 1;
      if (left === 0) {
        this.running.delete(tenantId);
      } else {
        this.running.set(tenantId, left);
      }
    }
  }
}
