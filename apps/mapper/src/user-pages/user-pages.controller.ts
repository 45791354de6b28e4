import { Controller } from '@nestjs/common';
import { mapZoomUser, syncFieldOf, targetsOf } from '@zoom-oomnitza-sync/mapping';
import {
  LeftOutUserDto,
  OomnitzaRecordsUpsert,
  RecordErrorDto,
  RunProgress,
  ZoomUsersPage,
  ZoomUsersPageValue,
} from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler, OutboxService, PermanentMessageError } from '@zoom-oomnitza-sync/messaging';
import { IntegrationSettingsEntity } from '../integration-settings/integration-settings.entity';
import { mappingSettingsOf } from '../standard-mapping/mapping-settings';

/**
 * Maps each page of a full sync and hands the records to the writer, reporting the page's
 * mapped, rejected and filtered counts (and the names derived) to the scheduler: both in the
 * transaction that marks the page done. A dry run's records go to the writer marked so, with the
 * users filtered out or rejected, which its results list too.
 */
@Controller()
export class UserPagesController {
  constructor(private readonly outbox: OutboxService) {}

  @MessageHandler(ZoomUsersPage)
  async onPage({ envelope, manager }: ConsumedMessage<ZoomUsersPageValue>): Promise<void> {
    const page = envelope.payload;
    const run = { tenantId: envelope.tenantId, integrationId: envelope.integrationId, runId: page.runId };
    const settings = await manager.findOneBy(IntegrationSettingsEntity, { integrationId: envelope.integrationId });
    // The snapshot normally arrives long before a run; until it does, retrying is right.
    if (!settings) {
      throw new Error(`integration ${envelope.integrationId} is not known to the mapper yet`);
    }
    if (settings.tenantId !== envelope.tenantId) {
      throw new PermanentMessageError(`integration ${envelope.integrationId} belongs to another tenant`);
    }
    const mapping = mappingSettingsOf(settings);
    if (!mapping) {
      await this.outbox.publish(manager, RunProgress, {
        ...run,
        payload: {
          runId: page.runId,
          stage: 'map',
          processed: 0,
          rejected: 0,
          stageCompleted: true,
          errors: [],
          failureReason: 'the integration has no mapping: choose an Oomnitza role',
        },
      });
      return;
    }

    const context = { runStartedAt: page.runStartedAt, observedAt: envelope.observedAt };
    const records = [];
    const rejections: RecordErrorDto[] = [];
    const leftOut: LeftOutUserDto[] = [];
    let filtered = 0;
    let namesDerived = 0;
    for (const user of page.users) {
      const outcome = mapZoomUser(user, mapping, context);
      if (outcome.record) {
        records.push(outcome.record);
        namesDerived += outcome.namesDerived;
      } else if (outcome.filtered) {
        filtered += 1;
        leftOut.push({ userKey: String(user.email ?? user.id), outcome: 'filtered' });
      } else {
        rejections.push(outcome.rejection);
        leftOut.push({ userKey: outcome.rejection.recordKey, outcome: 'rejected', reason: outcome.rejection.reason });
      }
    }

    const dryRun = page.dryRun === true;
    if (records.length > 0 || page.isLastPage || (dryRun && leftOut.length > 0)) {
      await this.outbox.publish(manager, OomnitzaRecordsUpsert, {
        ...run,
        observedAt: envelope.observedAt,
        payload: {
          runId: page.runId,
          oomnitzaCredentialId: settings.oomnitzaCredentialId,
          preference: settings.preference,
          syncField: syncFieldOf(mapping),
          runTimeField: targetsOf(mapping).connector_sync_time,
          isLastBatch: page.isLastPage,
          records,
          ...(dryRun ? { dryRun, leftOut } : {}),
        },
      });
    }
    await this.outbox.publish(manager, RunProgress, {
      ...run,
      payload: {
        runId: page.runId,
        stage: 'map',
        processed: records.length,
        rejected: rejections.length,
        filtered,
        namesDerived,
        stageCompleted: page.isLastPage,
        errors: rejections,
      },
    });
  }
}
