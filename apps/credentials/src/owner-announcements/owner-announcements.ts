import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppLogger, Pause, qualifiedTable, Waiting } from '@zoom-oomnitza-sync/platform';
import { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { announceUnannounced } from '../common/announce-unannounced';
import { CredentialChanges, CredentialKind } from '../credential-changes/credential-changes';
import { OomnitzaCredentialEntity } from '../oomnitza-credentials/oomnitza-credential.entity';
import { ZoomCredentialEntity } from '../zoom-credentials/zoom-credential.entity';

const TABLES: ReadonlyArray<{ kind: CredentialKind; entity: typeof ZoomCredentialEntity | typeof OomnitzaCredentialEntity }> = [
  { kind: 'zoom', entity: ZoomCredentialEntity },
  { kind: 'oomnitza', entity: OomnitzaCredentialEntity },
];

/**
 * At startup, in the background: every credential whose owner was never announced to the read
 * models that need it (stored before they existed) is announced once, as `updated`.
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
      announced += await announceUnannounced<{ id: string; tenant_id: string }>({
        dataSource: this.dataSource,
        waiting: this.pause,
        table: qualifiedTable(this.dataSource, entity),
        flag: 'owner_announced',
        announce: (manager, row) => this.changes.announce(manager, { id: row.id, tenantId: row.tenant_id }, kind, 'updated'),
      });
    }
    if (announced > 0) {
      this.log.info({ announced }, 'owners of older credentials announced on credentials.changed');
    }
    return announced;
  }
}
