import { Module } from '@nestjs/common';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { FetchJobStore } from '../fetch-jobs/fetch-job.store';
import { DirectoryModule } from '../directory/directory.module';
import { WebhookTrafficModule } from '../webhook-traffic/webhook-traffic.module';
import { ZoomApiModule } from '../zoom-api/zoom-api.module';
import { FetchWorker } from './fetch-worker';
import { FullSyncRunner } from './full-sync.runner';
import { UserDetails } from './user-details';
import { Pause } from '@zoom-oomnitza-sync/platform';

@Module({
  imports: [CredentialsClientModule, ZoomApiModule, DirectoryModule, WebhookTrafficModule],
  providers: [FetchJobStore, Pause, UserDetails, FullSyncRunner, FetchWorker],
})
export class FullSyncModule {}
