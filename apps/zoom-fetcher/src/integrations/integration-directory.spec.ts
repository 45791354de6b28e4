import { ConfigService } from '@nestjs/config';
import { TransactionCommits } from '@zoom-oomnitza-sync/messaging';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { IntegrationDirectory, IntegrationRef } from './integration-directory';

const ACME = [{ integrationId: 'integration-1', tenantId: 'acme' }];

/** The integrations table as `find` sees it, counting the lookups. */
class Integrations {
  current: IntegrationRef[] = ACME;
  lookups = 0;
  private held?: () => void;

  manager(): EntityManager {
    return {
      find: async () => {
        this.lookups += 1;
        const answer = this.current;
        if (this.held) {
          await new Promise<void>((resolve) => (this.held = resolve));
        }
        return answer;
      },
    } as unknown as EntityManager;
  }

  /** The next lookup reads, then waits for release() before it answers. */
  hold(): void {
    this.held = () => undefined;
  }

  release(): void {
    const release = this.held;
    this.held = undefined;
    release?.();
  }
}

function directoryWith(ttlMs: number) {
  const commits = new TransactionCommits({ subscribers: [] } as unknown as DataSource);
  const directory = new IntegrationDirectory(commits, new ConfigService({ INTEGRATION_CACHE_TTL_MS: ttlMs }) as never);
  /** Applies an integration change in a transaction of its own, as the consumer does, and commits it. */
  const applyChange = (integrations: Integrations, next: IntegrationRef[]) => {
    const queryRunner = { isTransactionActive: true } as QueryRunner;
    directory.changing({ queryRunner } as EntityManager);
    integrations.current = next;
    (queryRunner as { isTransactionActive: boolean }).isTransactionActive = false;
    commits.afterTransactionCommit({ queryRunner } as never);
  };
  return { directory, applyChange };
}

describe('IntegrationDirectory.activeUsing', () => {
  afterEach(() => jest.useRealTimers());

  it('looks a credential up once while a burst of events asks', async () => {
    const integrations = new Integrations();
    const { directory } = directoryWith(1_000);
    for (let event = 0; event < 5; event += 1) {
      expect(await directory.activeUsing(integrations.manager(), 'credential-1')).toEqual(ACME);
    }
    expect(integrations.lookups).toBe(1);
  });

  it('looks again once INTEGRATION_CACHE_TTL_MS has passed: a change applied by another replica shows by then', async () => {
    jest.useFakeTimers();
    const integrations = new Integrations();
    const { directory } = directoryWith(1_000);
    await directory.activeUsing(integrations.manager(), 'credential-1');
    integrations.current = [];
    jest.advanceTimersByTime(1_000);
    expect(await directory.activeUsing(integrations.manager(), 'credential-1')).toEqual([]);
    expect(integrations.lookups).toBe(2);
  });

  it('forgets what it kept as soon as a change applied here commits', async () => {
    const integrations = new Integrations();
    const { directory, applyChange } = directoryWith(60_000);
    await directory.activeUsing(integrations.manager(), 'credential-1');
    applyChange(integrations, []);
    expect(await directory.activeUsing(integrations.manager(), 'credential-1')).toEqual([]);
  });

  it('does not keep what a lookup read before a change committed', async () => {
    const integrations = new Integrations();
    const { directory, applyChange } = directoryWith(60_000);
    integrations.hold();
    const early = directory.activeUsing(integrations.manager(), 'credential-1');
    applyChange(integrations, []);
    integrations.release();
    expect(await early).toEqual(ACME);
    expect(await directory.activeUsing(integrations.manager(), 'credential-1')).toEqual([]);
  });

  it('looks up every event with INTEGRATION_CACHE_TTL_MS=0', async () => {
    const integrations = new Integrations();
    const { directory } = directoryWith(0);
    await directory.activeUsing(integrations.manager(), 'credential-1');
    await directory.activeUsing(integrations.manager(), 'credential-1');
    expect(integrations.lookups).toBe(2);
  });
});
