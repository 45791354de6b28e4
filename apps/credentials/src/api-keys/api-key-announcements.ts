import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiKeyEntity, AppLogger, Pause, qualifiedTable, Waiting } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { announceUnannounced } from '../common/announce-unannounced';
import { ApiKeyChanges } from './api-key-changes';

interface ApiKeyRow {
  id: string;
  tenant_id: string;
  name: string;
  scopes: string[];
  key_hash: string;
  key_prefix: string;
  created_at: Date;
  revoked_at: Date | null;
}

/**
 * At startup, in the background: every key issued before keys were announced on
 * `api-keys.changed` is announced once, so the other services learn it.
 */
@Injectable()
export class ApiKeyAnnouncements implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: ApiKeyChanges,
    @Inject(Pause) private readonly pause: Waiting,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: ApiKeyAnnouncements.name });
  }

  onApplicationBootstrap(): void {
    void this.run().catch((error: unknown) =>
      this.log.warn({ err: error }, 'announcing older API keys failed; it runs again at the next start'),
    );
  }

  /** How many keys it announced. */
  async run(): Promise<number> {
    const announced = await announceUnannounced<ApiKeyRow>({
      dataSource: this.dataSource,
      waiting: this.pause,
      table: qualifiedTable(this.dataSource, ApiKeyEntity),
      flag: 'announced',
      announce: (manager, row) =>
        this.changes.announce(manager, {
          id: row.id,
          tenantId: row.tenant_id,
          name: row.name,
          scopes: row.scopes,
          keyHash: row.key_hash,
          keyPrefix: row.key_prefix,
          createdAt: row.created_at,
          revokedAt: row.revoked_at,
        }),
    });
    if (announced > 0) {
      this.log.info({ announced }, 'older API keys announced on api-keys.changed');
    }
    return announced;
  }
}
