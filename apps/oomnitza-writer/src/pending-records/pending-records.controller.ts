import { Controller } from '@nestjs/common';
import { OomnitzaRecordsUpsert, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { PendingRecordsStore } from './pending-records.store';

@Controller()
export class PendingRecordsController {
  constructor(private readonly pending: PendingRecordsStore) {}

  /**
   * A fetched batch in one transaction: webhook changes arrive one record per message, and a
   * transaction per message would cap how many a second the writer takes in.
   */
  @MessageHandler(OomnitzaRecordsUpsert, { batch: true })
  async onRecords(messages: ConsumedMessage<OomnitzaRecordsUpsertValue>[]): Promise<void> {
    await this.pending.add(
      messages[0].manager,
      messages.map(({ envelope }) => envelope),
    );
  }
}
