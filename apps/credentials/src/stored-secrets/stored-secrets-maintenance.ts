import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { SecretMaskBackfill } from './secret-mask-backfill';
import { SecretRotation } from './secret-rotation';

/** At startup, in the background: secrets under a retired key are re-encrypted, and older rows get their masks. */
@Injectable()
export class StoredSecretsMaintenance implements OnApplicationBootstrap {
  constructor(
    private readonly rotation: SecretRotation,
    private readonly masks: SecretMaskBackfill,
    private readonly logger: AppLogger,
  ) {}

  onApplicationBootstrap(): void {
    void (async () => {
      await this.rotation.rotate();
      await this.masks.fill();
    })().catch((error: unknown) =>
      this.logger.pino.warn({ err: error }, 'stored secrets maintenance failed; it runs again at the next start'),
    );
  }
}
