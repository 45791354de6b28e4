import { Module } from '@nestjs/common';
import { MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { IntegrationEntity } from './integrations/integration.entity';
import { IntegrationsModule } from './integrations/integrations.module';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { IntegrationsAndRuns1764240100000 } from './migrations/1764240100000-integrations-and-runs';
import { RunErrorEntity } from './runs/run-error.entity';
import { RunEntity } from './runs/run.entity';
import { RunsModule } from './runs/runs.module';
import { SERVICE } from './service';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities, IntegrationEntity, RunEntity, RunErrorEntity],
      migrations: [InitialSchema1764240000000, IntegrationsAndRuns1764240100000],
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    IntegrationsModule,
    RunsModule,
  ],
})
export class AppModule {}
