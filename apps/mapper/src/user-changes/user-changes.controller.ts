import { Controller } from '@nestjs/common';
import { syncFieldOf, targetsOf } from '@zoom-oomnitza-sync/mapping';
import {
  MessageEnvelope,
  OomnitzaRecordsUpsert,
  OomnitzaRecordsUpsertValue,
  ZoomUserChanged,
  ZoomUserChangedValue,
} from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler, OutboxService, PermanentMessageError, PublishInput } from '@zoom-oomnitza-sync/messaging';
import { AppLogger } from '@zoom-oomnitza-sync/platform';
import { EntityManager } from 'typeorm';
import { IntegrationSettingsEntity } from '../integration-settings/integration-settings.entity';
import { mappingSettingsOf } from '../standard-mapping/mapping-settings';
import { mapUserChange } from './map-user-change';
import { UserChangeMetrics } from './user-change-metrics';

type SettingsLookup = (manager: EntityManager, integrationId: string) => Promise<IntegrationSettingsEntity | null>;

const readSettings: SettingsLookup = (manager, integrationId) => manager.findOneBy(IntegrationSettingsEntity, { integrationId });

/**
 * Hands each Zoom webhook change to the writer as one record, in the transaction that marks the
 * message applied. Staleness is the writer's to judge (by observedAt), so observedAt passes
 * through untouched; an integration that is not active syncs nothing, so its changes are dropped.
 */
@Controller()
export class UserChangesController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly metrics: UserChangeMetrics,
    private readonly logger: AppLogger,
  ) {}

  /**
   * A fetched batch in one transaction: webhook changes come one user per message, and a
   * transaction per message would cap how many a second the mapper takes in.
   */
  @MessageHandler(ZoomUserChanged, { batch: true })
  async onUserChanges(messages: ConsumedMessage<ZoomUserChangedValue>[]): Promise<void> {
    // One transaction sees one state of the settings: each integration's are read once per batch.
    const settingsRead = new Map<string, Promise<IntegrationSettingsEntity | null>>();
    const settingsOf: SettingsLookup = (manager, integrationId) => {
      const read = settingsRead.get(integrationId) ?? readSettings(manager, integrationId);
      settingsRead.set(integrationId, read);
      return read;
    };
    const records: PublishInput<OomnitzaRecordsUpsertValue>[] = [];
    for (const message of messages) {
      const record = await this.recordOf(message, settingsOf);
      if (record) {
        records.push(record);
      }
    }
    await this.outbox.publishAll(messages[0].manager, OomnitzaRecordsUpsert, records);
  }

  /** The writer's record of one change, or nothing when the change is dropped or refused. */
  private async recordOf(
    { envelope, manager }: ConsumedMessage<ZoomUserChangedValue>,
    settingsOf: SettingsLookup,
  ): Promise<PublishInput<OomnitzaRecordsUpsertValue> | undefined> {
    const settings = await settingsOf(manager, envelope.integrationId);
    if (!settings) {
      return this.skip(envelope, 'integration_unknown');
    }
    if (settings.tenantId !== envelope.tenantId) {
      throw new PermanentMessageError(`integration ${envelope.integrationId} belongs to another tenant`);
    }
    if (settings.state !== 'active') {
      return this.skip(envelope, `integration_${settings.state}`);
    }
    const mapping = mappingSettingsOf(settings);
    if (!mapping) {
      return this.skip(envelope, 'no_mapping');
    }

    const change = envelope.payload;
    const outcome = mapUserChange(change, mapping, envelope.observedAt);
    if (outcome.skipped) {
      return this.skip(envelope, outcome.skipped);
    }
    if (outcome.rejection) {
      this.metrics.rejected.inc({ reason: outcome.refusal });
      // No run takes this error, so the log is where it is seen.
      this.logger.pino.warn(
        { integrationId: envelope.integrationId, event: change.event, zoomUserId: change.user.id, ...outcome.rejection },
        'webhook change not handed on: Oomnitza would refuse the user',
      );
      return undefined;
    }
    this.metrics.mapped.inc({ kind: change.complete ? 'complete' : 'partial' });
    return {
      tenantId: envelope.tenantId,
      integrationId: envelope.integrationId,
      observedAt: envelope.observedAt,
      payload: {
        oomnitzaCredentialId: settings.oomnitzaCredentialId,
        preference: settings.preference,
        syncField: syncFieldOf(mapping),
        runTimeField: targetsOf(mapping).connector_sync_time,
        isLastBatch: false,
        records: [outcome.record],
      },
    };
  }

  private skip({ integrationId, payload }: MessageEnvelope<ZoomUserChangedValue>, reason: string): undefined {
    this.metrics.skipped.inc({ reason });
    this.logger.pino.debug({ integrationId, event: payload.event, reason }, 'webhook change dropped');
    return undefined;
  }
}
