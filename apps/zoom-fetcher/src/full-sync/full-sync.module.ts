import { Module } from '@nestjs/common';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { FetchJobStore } from '../fetch-jobs/fetch-job.store';
import { ZoomUsersClient } from '../zoom-api/zoom-users.client';
import { FetchWorker } from './fetch-worker';
import { FullSyncRunner } from './full-sync.runner';
import { Pause } from './pause';

@Module({
  imports: [CredentialsClientModule],
  providers: [FetchJobStore, ZoomUsersClient, Pause, FullSyncRunner, FetchWorker],
})
export class FullSyncModule {}
