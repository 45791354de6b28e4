import { Module } from '@nestjs/common';
import { OutboundHttpModule } from '@zoom-oomnitza-sync/outbound-http';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { WriteQueuesModule } from '../pending-records/write-queues.module';
import { SaasStatus } from '../saas-users/saas-status';
import { BatchWriter } from './batch-writer';
import { SyncKeyRenames } from './sync-key-renames';
import { WriteStore } from './write-store';
import { WriteTurn } from './write-turn';
import { WriteWorkers } from './write-workers';

@Module({
  imports: [CredentialsClientModule, WriteQueuesModule, OutboundHttpModule],
  providers: [OomnitzaBulkClient, WriteStore, SyncKeyRenames, SaasStatus, BatchWriter, WriteTurn, WriteWorkers],
})
export class WriteLoopModule {}
