import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { ZoomApiModule } from '../zoom-api/zoom-api.module';
import { ReconcileChecker } from './reconcile-checker';
import { ReconcileLoop } from './reconcile-loop';
import { ReconcileRequestsController } from './reconcile-requests.controller';
import { ReconcileSchedule } from './reconcile-schedule';

/** Healing what Zoom drops: each integration with webhooks on compares Zoom's counts with what the fetcher saw. */
@Module({
  imports: [DirectoryModule, ZoomApiModule],
  controllers: [ReconcileRequestsController],
  providers: [ReconcileSchedule, ReconcileChecker, ReconcileLoop],
  exports: [ReconcileSchedule],
})
export class ReconcileModule {}
