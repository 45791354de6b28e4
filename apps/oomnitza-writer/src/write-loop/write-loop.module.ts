import { Module } from '@nestjs/common';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaAccessCache } from '../oomnitza-api/oomnitza-access.cache';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { PendingRecordsModule } from '../pending-records/pending-records.module';
import { BatchWriter } from './batch-writer';
import { WriteStore } from './write-store';
import { WriteTurn } from './write-turn';
import { WriteWorkers } from './write-workers';

@Module({
  imports: [CredentialsClientModule, PendingRecordsModule],
  providers: [OomnitzaBulkClient, OomnitzaAccessCache, WriteStore, BatchWriter, WriteTurn, WriteWorkers],
})
export class WriteLoopModule {}
