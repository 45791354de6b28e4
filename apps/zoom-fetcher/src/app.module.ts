import { Module } from '@nestjs/common';
import { MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { FetchJobEntity } from './fetch-jobs/fetch-job.entity';
import { FetchJobsModule } from './fetch-jobs/fetch-jobs.module';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { FetchJobs1764240100000 } from './migrations/1764240100000-fetch-jobs';
import { FullSyncModule } from './full-sync/full-sync.module';
import { SERVICE } from './service';
import { ZoomFetcherEnvironment } from './zoom-fetcher.environment';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities, FetchJobEntity],
      migrations: [InitialSchema1764240000000, FetchJobs1764240100000],
      environment: ZoomFetcherEnvironment,
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    FetchJobsModule,
    FullSyncModule,
  ],
})
export class AppModule {}
