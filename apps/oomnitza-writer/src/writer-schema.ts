import { DryRunUserEntity } from './dry-runs/dry-run-user.entity';
import { DryRunEntity } from './dry-runs/dry-run.entity';
import { IntegrationSettingsEntity } from './integration-settings/integration-settings.entity';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { SyncState1764240100000 } from './migrations/1764240100000-sync-state';
import { PendingRecords1764240200000 } from './migrations/1764240200000-pending-records';
import { RemovalsAndRenames1764240300000 } from './migrations/1764240300000-removals-and-renames';
import { PortionTenants1764240400000 } from './migrations/1764240400000-portion-tenants';
import { PendingRecordEntity } from './pending-records/pending-record.entity';
import { WriteQueueEntity } from './pending-records/write-queue.entity';
import { PortionEntity } from './portions/portion.entity';
import { RemovalHoldEntity } from './removals/removal-hold.entity';
import { WebhookRemovalEntity } from './removals/webhook-removal.entity';
import { UserSyncStateEntity } from './sync-state/user-sync-state.entity';
import { RateLimits1764240500000 } from './migrations/1764240500000-rate-limits';
import { ApiKeyReplica1764240600000 } from './migrations/1764240600000-api-key-replica';
import { FlushSpacing1764240700000 } from './migrations/1764240700000-flush-spacing';
import { FieldObservedAt1764240800000 } from './migrations/1764240800000-field-observed-at';
import { DryRuns1764240900000 } from './migrations/1764240900000-dry-runs';
import { SaasApp1764241000000 } from './migrations/1764241000000-saas-app';
import { SaasStatusDue1764241400000 } from './migrations/1764241400000-saas-status-due';
import { SaasActivity1764241500000 } from './migrations/1764241500000-saas-activity';
import { OutboxPayloadAsWritten1764241600000 } from './migrations/1764241600000-outbox-payload-as-written';
import { PendingRecordsHeads1764241700000 } from './migrations/1764241700000-pending-records-heads';

/** The tables of the writer's schema, and the migrations that build them in order. */
export const WRITER_ENTITIES = [
  UserSyncStateEntity,
  PortionEntity,
  PendingRecordEntity,
  WriteQueueEntity,
  IntegrationSettingsEntity,
  RemovalHoldEntity,
  WebhookRemovalEntity,
  DryRunEntity,
  DryRunUserEntity,
];
export const WRITER_MIGRATIONS = [
  InitialSchema1764240000000,
  SyncState1764240100000,
  PendingRecords1764240200000,
  RemovalsAndRenames1764240300000,
  PortionTenants1764240400000,
  RateLimits1764240500000,
  ApiKeyReplica1764240600000,
  FlushSpacing1764240700000,
  FieldObservedAt1764240800000,
  DryRuns1764240900000,
  SaasApp1764241000000,
  SaasStatusDue1764241400000,
  SaasActivity1764241500000,
  OutboxPayloadAsWritten1764241600000,
  PendingRecordsHeads1764241700000,
];
