import { Controller } from '@nestjs/common';
import { SyncRunRequested, SyncRunRequestedValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { queueFetchJob } from './fetch-job.store';

@Controller()
export class RunRequestsController {
  /** Queues the full sync in the same transaction as the inbox row: one job per run request. */
  @MessageHandler(SyncRunRequested)
  async onRunRequested({ envelope, manager }: ConsumedMessage<SyncRunRequestedValue>): Promise<void> {
    await queueFetchJob(manager, {
      runId: envelope.payload.runId,
      tenantId: envelope.tenantId,
      integrationId: envelope.integrationId,
      zoomCredentialId: envelope.payload.zoomCredentialId,
      userStatuses: envelope.payload.userStatuses,
      readSources: envelope.payload.readSources ?? [],
      listsCustomAttributes: envelope.payload.customAttributes ?? false,
      dryRun: envelope.payload.mode === 'dry_run',
      runStartedAt: new Date(envelope.payload.runStartedAt),
      status: 'queued',
      requestedAt: new Date(envelope.occurredAt),
    });
  }
}
