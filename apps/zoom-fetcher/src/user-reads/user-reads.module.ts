import { Module } from '@nestjs/common';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { DirectoryModule } from '../directory/directory.module';
import { UserChangesModule } from '../user-changes/user-changes.module';
import { ZoomApiModule } from '../zoom-api/zoom-api.module';
import { UserReadQueue } from './user-read-queue';
import { UserReadWorker } from './user-read-worker';
import { UserReader } from './user-reader';

/** Reading users from Zoom after webhook events, one read per burst of events, then publishing them whole. */
@Module({
  imports: [CredentialsClientModule, ZoomApiModule, UserChangesModule, DirectoryModule],
  providers: [UserReadQueue, UserReader, UserReadWorker],
  exports: [UserReadQueue],
})
export class UserReadsModule {}
