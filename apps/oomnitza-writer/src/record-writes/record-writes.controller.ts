import { Controller } from '@nestjs/common';
import { OomnitzaRecordsUpsert, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { RecordWriter } from './record-writer';

@Controller()
export class RecordWritesController {
  constructor(private readonly writer: RecordWriter) {}

  @MessageHandler(OomnitzaRecordsUpsert)
  onRecords({ envelope, manager }: ConsumedMessage<OomnitzaRecordsUpsertValue>): Promise<void> {
    return this.writer.write(manager, envelope);
  }
}
