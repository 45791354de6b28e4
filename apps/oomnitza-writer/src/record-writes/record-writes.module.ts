import { Module } from '@nestjs/common';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { OomnitzaBulkClient } from '../oomnitza-api/oomnitza-bulk.client';
import { OomnitzaAccessCache } from './oomnitza-access.cache';
import { RecordWriter } from './record-writer';
import { RecordWritesController } from './record-writes.controller';

@Module({
  imports: [CredentialsClientModule],
  controllers: [RecordWritesController],
  providers: [OomnitzaBulkClient, OomnitzaAccessCache, RecordWriter],
})
export class RecordWritesModule {}
