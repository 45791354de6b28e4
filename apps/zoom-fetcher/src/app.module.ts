import { Module } from '@nestjs/common';
import { ApiKeyReplicaModule, MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { FetchJobsModule } from './fetch-jobs/fetch-jobs.module';
import { FullSyncModule } from './full-sync/full-sync.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { ReconcileModule } from './reconcile/reconcile.module';
import { SERVICE } from './service';
import { UserReadsModule } from './user-reads/user-reads.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { ZoomFetcherEnvironment } from './zoom-fetcher.environment';
import { ZOOM_FETCHER_ENTITIES, ZOOM_FETCHER_MIGRATIONS } from './zoom-fetcher-schema';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities, ...ZOOM_FETCHER_ENTITIES],
      migrations: ZOOM_FETCHER_MIGRATIONS,
      environment: ZoomFetcherEnvironment,
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    ApiKeyReplicaModule,
    FetchJobsModule,
    FullSyncModule,
    IntegrationsModule,
    WebhooksModule,
    UserReadsModule,
    ReconcileModule,
  ],
})
export class AppModule {}
