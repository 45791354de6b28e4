import { Controller } from '@nestjs/common';
import { OomnitzaRecordsUpsert, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { PendingRecordsStore } from './pending-records.store';

@Controller()
export class PendingRecordsController {
  constructor(private readonly pending: PendingRecordsStore) {}

  @MessageHandler(OomnitzaRecordsUpsert)
  onRecords({ envelope, manager }: ConsumedMessage<OomnitzaRecordsUpsertValue>): Promise<void> {
    return this.pending.add(manager, envelope);
  }
}
