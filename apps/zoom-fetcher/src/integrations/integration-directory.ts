import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TransactionCommits } from '@zoom-oomnitza-sync/messaging';
import { BoundedMemory } from '@zoom-oomnitza-sync/platform';
import { EntityManager } from 'typeorm';
import { ZoomFetcherEnvironment } from '../zoom-fetcher.environment';
import { IntegrationEntity } from './integration.entity';

export type IntegrationRef = Pick<IntegrationEntity, 'integrationId' | 'tenantId'>;

/** Zoom credentials whose integrations are kept at once; more are looked up again. */
const CREDENTIALS_KEPT = 10_000;

/**
 * Which integrations a Zoom credential's changes go to: the active ones using it, paused and
 * drafts not. Every webhook event asks, and integrations change rarely: the answer is kept for
 * INTEGRATION_CACHE_TTL_MS, and forgotten as soon as a change this replica applies commits.
 */
@Injectable()
export class IntegrationDirectory {
  private readonly kept: BoundedMemory<IntegrationRef[]>;
  /** Moves on with every change applied: a lookup that read before it must not be kept after it. */
  private generation = 0;

  constructor(
    private readonly commits: TransactionCommits,
    config: ConfigService<ZoomFetcherEnvironment, true>,
  ) {
    this.kept = new BoundedMemory(config.get('INTEGRATION_CACHE_TTL_MS', { infer: true }), CREDENTIALS_KEPT);
  }

  async activeUsing(manager: EntityManager, zoomCredentialId: string): Promise<IntegrationRef[]> {
    const kept = this.kept.get(zoomCredentialId);
    if (kept) {
      return kept;
    }
    const generation = this.generation;
    const found = await manager.find(IntegrationEntity, {
      select: { integrationId: true, tenantId: true },
      where: { zoomCredentialId, state: 'active' },
      order: { integrationId: 'ASC' },
    });
    if (generation === this.generation) {
      this.kept.set(zoomCredentialId, found);
    }
    return found;
  }

  /** Inside the transaction that applies an integration change: once it commits, nothing kept is used. */
  changing(manager: EntityManager): void {
    this.commits.afterCommit(manager, IntegrationDirectory.name, () => {
      this.generation += 1;
      this.kept.clear();
    });
  }
}
