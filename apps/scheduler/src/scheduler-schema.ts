import { HeldRemovalEntity } from './held-removals/held-removal.entity';
import { IntegrationEntity } from './integrations/integration.entity';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { IntegrationsAndRuns1764240100000 } from './migrations/1764240100000-integrations-and-runs';
import { Removals1764240200000 } from './migrations/1764240200000-removals';
import { Reconcile1764240300000 } from './migrations/1764240300000-reconcile';
import { Schedules1764240400000 } from './migrations/1764240400000-schedules';
import { RunWatchdog1764240500000 } from './migrations/1764240500000-run-watchdog';
import { KnownCredentials1764240600000 } from './migrations/1764240600000-known-credentials';
import { KnownCredentialEntity } from './credential-ownership/known-credential.entity';
import { RunErrorEntity } from './runs/run-error.entity';
import { RunEntity } from './runs/run.entity';
import { RateLimits1764240700000 } from './migrations/1764240700000-rate-limits';
import { DeadLetters1764240800000 } from './migrations/1764240800000-dead-letters';
import { DeadLetterEntity } from './dead-letters/dead-letter.entity';
import { ApiKeyReplica1764240900000 } from './migrations/1764240900000-api-key-replica';
import { CustomMapping1764241100000 } from './migrations/1764241100000-custom-mapping';
import { DryRuns1764241200000 } from './migrations/1764241200000-dry-runs';
import { SaasApp1764241300000 } from './migrations/1764241300000-saas-app';
import { OutboxPayloadAsWritten1764241600000 } from './migrations/1764241600000-outbox-payload-as-written';

/** The tables of the scheduler's schema, and the migrations that build them in order. */
export const SCHEDULER_ENTITIES = [
  IntegrationEntity,
  RunEntity,
  RunErrorEntity,
  HeldRemovalEntity,
  KnownCredentialEntity,
  DeadLetterEntity,
];
export const SCHEDULER_MIGRATIONS = [
  InitialSchema1764240000000,
  IntegrationsAndRuns1764240100000,
  Removals1764240200000,
  Reconcile1764240300000,
  Schedules1764240400000,
  RunWatchdog1764240500000,
  KnownCredentials1764240600000,
  RateLimits1764240700000,
  DeadLetters1764240800000,
  ApiKeyReplica1764240900000,
  CustomMapping1764241100000,
  DryRuns1764241200000,
  SaasApp1764241300000,
  OutboxPayloadAsWritten1764241600000,
];
