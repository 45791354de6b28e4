import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppLogger, qualifiedTable } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { CredentialChanges, CredentialKind } from '../credential-changes/credential-changes';
import { OomnitzaCredentialEntity } from '../oomnitza-credentials/oomnitza-credential.entity';
import { ZoomCredentialEntity } from '../zoom-credentials/zoom-credential.entity';

const TABLES: ReadonlyArray<{ kind: CredentialKind; entity: typeof ZoomCredentialEntity | typeof OomnitzaCredentialEntity }> = [
  { kind: 'zoom', entity: ZoomCredentialEntity },
  { kind: 'oomnitza', entity: OomnitzaCredentialEntity },
];

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
      while (await this.announceOne(kind, qualifiedTable(this.dataSource, entity))) {
        announced += 1;
      }
    }
    if (announced > 0) {
      this.log.info({ announced }, 'owners of older credentials announced on credentials.changed');
    }
    return announced;
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
