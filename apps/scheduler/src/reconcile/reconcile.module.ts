import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { RunsModule } from '../runs/runs.module';
import { DriftReportsController } from './drift-reports.controller';
import { ReconcileController } from './reconcile.controller';
import { ReconcileService } from './reconcile.service';

/** Healing what Zoom drops: reconcile on request, and a full sync when the fetcher finds drift. */
@Module({
  imports: [IntegrationsModule, RunsModule],
  controllers: [ReconcileController, DriftReportsController],
  providers: [ReconcileService],
})
export class ReconcileModule {}
