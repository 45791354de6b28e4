import { Module } from '@nestjs/common';
import { MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { FetchJobEntity } from './fetch-jobs/fetch-job.entity';
import { FetchJobsModule } from './fetch-jobs/fetch-jobs.module';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { FetchJobs1764240100000 } from './migrations/1764240100000-fetch-jobs';
import { Webhooks1764240200000 } from './migrations/1764240200000-webhooks';
import { FullSyncModule } from './full-sync/full-sync.module';
import { IntegrationEntity } from './integrations/integration.entity';
import { IntegrationsModule } from './integrations/integrations.module';
import { SERVICE } from './service';
import { UserReadEntity } from './user-reads/user-read.entity';
import { UserReadsModule } from './user-reads/user-reads.module';
import { WebhookEventEntity } from './webhooks/webhook-event.entity';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ZoomFetcherEnvironment } from './zoom-fetcher.environment';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities, FetchJobEntity, IntegrationEntity, WebhookEventEntity, UserReadEntity],
      migrations: [InitialSchema1764240000000, FetchJobs1764240100000, Webhooks1764240200000],
      environment: ZoomFetcherEnvironment,
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    FetchJobsModule,
    FullSyncModule,
    IntegrationsModule,
    WebhooksModule,
    UserReadsModule,
  ],
})
export class AppModule {}
