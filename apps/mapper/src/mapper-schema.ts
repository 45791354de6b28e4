import { messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { IntegrationSettingsEntity } from './integration-settings/integration-settings.entity';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { IntegrationSettings1764240100000 } from './migrations/1764240100000-integration-settings';
import { RateLimits1764240200000 } from './migrations/1764240200000-rate-limits';
import { ApiKeyReplica1764240300000 } from './migrations/1764240300000-api-key-replica';
import { MappingLines1764241100000 } from './migrations/1764241100000-mapping-lines';
import { OutboxPayloadAsWritten1764241600000 } from './migrations/1764241600000-outbox-payload-as-written';

/** The tables of the mapper's schema, and the migrations that build them in order. */
export const MAPPER_ENTITIES = [...messagingEntities, IntegrationSettingsEntity];
export const MAPPER_MIGRATIONS = [
  InitialSchema1764240000000,
  IntegrationSettings1764240100000,
  RateLimits1764240200000,
  ApiKeyReplica1764240300000,
  MappingLines1764241100000,
  OutboxPayloadAsWritten1764241600000,
];
