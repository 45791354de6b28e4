import { Module } from '@nestjs/common';
import { RetentionModule } from './retention/retention.module';
import { ApiKeyReplicaModule, MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { CredentialsModule } from './credentials/credentials.module';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { HeldRemovalsModule } from './held-removals/held-removals.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { MappingModule } from './mapping/mapping.module';
import { ReconcileModule } from './reconcile/reconcile.module';
import { RunsModule } from './runs/runs.module';
import { SCHEDULER_ENTITIES, SCHEDULER_MIGRATIONS } from './scheduler-schema';
import { SchedulerEnvironment } from './scheduler.environment';
import { SchedulesModule } from './schedules/schedules.module';
import { SERVICE } from './service';
import { WatchdogModule } from './watchdog/watchdog.module';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities, ...SCHEDULER_ENTITIES],
      migrations: SCHEDULER_MIGRATIONS,
      environment: SchedulerEnvironment,
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    ApiKeyReplicaModule,
    IntegrationsModule,
    MappingModule,
    RunsModule,
    HeldRemovalsModule,
    ReconcileModule,
    SchedulesModule,
    WatchdogModule,
    DeadLettersModule,
    CredentialsModule,
    RetentionModule,
  ],
})
export class AppModule {}
