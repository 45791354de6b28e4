import { Controller } from '@nestjs/common';
import { OomnitzaRecordsWritten, OomnitzaRecordsWrittenValue, RunProgress, RunProgressValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { RunAccountingService } from './run-accounting.service';

/** The stages report on runs over Kafka; each report is applied once (inbox) to its run. */
@Controller()
export class RunReportsController {
  constructor(private readonly accounting: RunAccountingService) {}

  @MessageHandler(RunProgress)
  onProgress({ envelope, manager }: ConsumedMessage<RunProgressValue>): Promise<void> {
    return this.accounting.applyProgress(manager, envelope);
  }

  /** A webhook-driven write belongs to no run: nothing to count, so not even a transaction for it. */
  @MessageHandler(OomnitzaRecordsWritten, { accepts: ({ payload }) => payload.runId !== undefined })
  onWritten({ envelope, manager }: ConsumedMessage<OomnitzaRecordsWrittenValue>): Promise<void> {
    return this.accounting.applyWritten(manager, envelope);
  }
}
