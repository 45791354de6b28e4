import { Module } from '@nestjs/common';
import { DryRunsModule } from '../dry-runs/dry-runs.module';
import { RemovalsModule } from '../removals/removals.module';
import { PendingRecordsController } from './pending-records.controller';
import { PendingRecordsStore } from './pending-records.store';
import { QueueUpkeep } from './queue-upkeep';
import { WriteQueuesModule } from './write-queues.module';

@Module({
  imports: [WriteQueuesModule, RemovalsModule, DryRunsModule],
  controllers: [PendingRecordsController],
  providers: [PendingRecordsStore, QueueUpkeep],
})
export class PendingRecordsModule {}
