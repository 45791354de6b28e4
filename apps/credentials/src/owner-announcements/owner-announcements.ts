import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppLogger, Pause, qualifiedTable, Waiting } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { CredentialChanges, CredentialKind } from '../credential-changes/credential-changes';
import { OomnitzaCredentialEntity } from '../oomnitza-credentials/oomnitza-credential.entity';
import { ZoomCredentialEntity } from '../zoom-credentials/zoom-credential.entity';

const TABLES: ReadonlyArray<{ kind: CredentialKind; entity: typeof ZoomCredentialEntity | typeof OomnitzaCredentialEntity }> = [
  { kind: 'zoom', entity: ZoomCredentialEntity },
  { kind: 'oomnitza', entity: OomnitzaCredentialEntity },
];

const HELD_ROW_RETRY_MS = 100;

/**
 * At startup, in the background: every credential whose owner was never announced to the read
 * models that need it (stored before they existed) is announced once, as `updated`, in the
 * transaction that marks it done; replicas share the work (`SKIP LOCKED`).
 */
@Injectable()
export class OwnerAnnouncements implements OnApplicationBootstrap {
  private readonly log: Logger;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly changes: CredentialChanges,
    @Inject(Pause) private readonly pause: Waiting,
    logger: AppLogger,
  ) {
    this.log = logger.pino.child({ context: OwnerAnnouncements.name });
  }

  onApplicationBootstrap(): void {
    void this.run().catch((error: unknown) =>
      this.log.warn({ err: error }, 'announcing the owners of older credentials failed; it runs again at the next start'),
    );
  }

  /** How many credentials it announced. */
  async run(): Promise<number> {
    let announced = 0;
    for (const { kind, entity } of TABLES) {
      const table = qualifiedTable(this.dataSource, entity);
      for (;;) {
        if (await this.announceOne(kind, table)) {
          announced += 1;
        } else if (await this.someoneHoldsUnannounced(table)) {
          await this.pause.for(HELD_ROW_RETRY_MS);
        } else {
          break;
        }
      }
    }
    if (announced > 0) {
      this.log.info({ announced }, 'owners of older credentials announced on credentials.changed');
    }
    return announced;
  }

  /**
   * Rows skipped as locked are held by another replica announcing them, or by another startup task
   * (StoredSecretsMaintenance) that leaves them unannounced: wait for them rather than leave them
   * to the next start.
   */
  private async someoneHoldsUnannounced(table: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM ${table} WHERE NOT owner_announced LIMIT 1`)) as unknown[];
    return rows.length > 0;
  }

  private announceOne(kind: CredentialKind, table: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE ${table} SET owner_announced = true
          WHERE id = (SELECT id FROM ${table} WHERE NOT owner_announced LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id, tenant_id`,
      )) as [{ id: string; tenant_id: string }[], number];
      if (rows.length === 0) {
        return false;
      }
      await this.changes.announce(manager, { id: rows[0].id, tenantId: rows[0].tenant_id }, kind, 'updated');
      return true;
    });
  }
}
