import { Module } from '@nestjs/common';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { OutboundHttpModule } from '@zoom-oomnitza-sync/outbound-http';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { DryRunComparer } from './dry-run-comparer';
import { DryRunResults } from './dry-run-results';
import { DryRunRetention } from './dry-run-retention';
import { DryRunStore } from './dry-run-store';
import { DryRunWorkers } from './dry-run-workers';
import { DryRunsController } from './dry-runs.controller';

/** Dry runs: their records kept, compared with Oomnitza's people, and served; nothing written. */
@Module({
  imports: [CredentialsClientModule, OutboundHttpModule],
  controllers: [DryRunsController],
  providers: [DryRunStore, DryRunComparer, DryRunWorkers, DryRunResults, DryRunRetention, OomnitzaBulkClient],
  exports: [DryRunStore],
})
export class DryRunsModule {}
