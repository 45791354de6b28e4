import { Controller } from '@nestjs/common';
import { OomnitzaRecordsUpsert, OomnitzaRecordsUpsertValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { DryRunStore } from '../dry-runs/dry-run-store';
import { PendingRecordsStore } from './pending-records.store';

@Controller()
export class PendingRecordsController {
  constructor(
    private readonly pending: PendingRecordsStore,
    private readonly dryRuns: DryRunStore,
  ) {}

  /**
   * A fetched batch in one transaction: webhook changes arrive one record per message, and a
   * transaction per message would cap how many a second the writer takes in.
   */
  @MessageHandler(OomnitzaRecordsUpsert, { batch: true })
  async onRecords(messages: ConsumedMessage<OomnitzaRecordsUpsertValue>[]): Promise<void> {
    const envelopes = messages.map(({ envelope }) => envelope);
    // A dry run's records are kept to be compared, and never reach what is written.
    const dryRun = envelopes.filter((envelope) => envelope.payload.dryRun === true && envelope.payload.runId !== undefined);
    const toWrite = envelopes.filter((envelope) => !dryRun.includes(envelope));
    if (dryRun.length > 0) {
      await this.dryRuns.add(messages[0].manager, dryRun);
    }
    if (toWrite.length > 0) {
      await this.pending.add(messages[0].manager, toWrite);
    }
  }
}
