import { Module } from '@nestjs/common';
import { PendingRecordsController } from './pending-records.controller';
import { PendingRecordsStore } from './pending-records.store';
import { WriteQueues } from './write-queues';

@Module({
  controllers: [PendingRecordsController],
  providers: [PendingRecordsStore, WriteQueues],
  exports: [WriteQueues],
})
export class PendingRecordsModule {}
