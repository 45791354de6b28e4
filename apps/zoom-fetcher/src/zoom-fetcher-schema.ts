import { DirectoryCensusEntity } from './directory/directory-census.entity';
import { KnownUserEntity } from './directory/known-user.entity';
import { FetchJobEntity } from './fetch-jobs/fetch-job.entity';
import { FetchTenantEntity } from './fetch-jobs/fetch-tenant.entity';
import { IntegrationEntity } from './integrations/integration.entity';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { FetchJobs1764240100000 } from './migrations/1764240100000-fetch-jobs';
import { Webhooks1764240200000 } from './migrations/1764240200000-webhooks';
import { ZoomDirectory1764240300000 } from './migrations/1764240300000-zoom-directory';
import { FetchTrouble1764240400000 } from './migrations/1764240400000-fetch-trouble';
import { FetchTenants1764240500000 } from './migrations/1764240500000-fetch-tenants';
import { UserReadTenants1764240600000 } from './migrations/1764240600000-user-read-tenants';
import { UserReadEntity } from './user-reads/user-read.entity';
import { WebhookEventEntity } from './webhooks/webhook-event.entity';
import { RateLimits1764240700000 } from './migrations/1764240700000-rate-limits';
import { ZoomRateSlots1764240800000 } from './migrations/1764240800000-zoom-rate-slots';
import { ApiKeyReplica1764240900000 } from './migrations/1764240900000-api-key-replica';
import { ZoomDailyCalls1764241000000 } from './migrations/1764241000000-zoom-daily-calls';
import { ZoomReadNeeds1764241100000 } from './migrations/1764241100000-zoom-read-needs';
import { DryRuns1764241200000 } from './migrations/1764241200000-dry-runs';
import { OutboxPayloadAsWritten1764241600000 } from './migrations/1764241600000-outbox-payload-as-written';

/** The tables of the zoom-fetcher's schema, and the migrations that build them in order. */
export const ZOOM_FETCHER_ENTITIES = [
  FetchJobEntity,
  FetchTenantEntity,
  IntegrationEntity,
  WebhookEventEntity,
  UserReadEntity,
  KnownUserEntity,
  DirectoryCensusEntity,
];
export const ZOOM_FETCHER_MIGRATIONS = [
  InitialSchema1764240000000,
  FetchJobs1764240100000,
  Webhooks1764240200000,
  ZoomDirectory1764240300000,
  FetchTrouble1764240400000,
  FetchTenants1764240500000,
  UserReadTenants1764240600000,
  RateLimits1764240700000,
  ZoomRateSlots1764240800000,
  ApiKeyReplica1764240900000,
  ZoomDailyCalls1764241000000,
  ZoomReadNeeds1764241100000,
  DryRuns1764241200000,
  OutboxPayloadAsWritten1764241600000,
];
