import { Module } from '@nestjs/common';
import { Pause } from '@zoom-oomnitza-sync/platform';
import { CredentialChangesModule } from '../credential-changes/credential-changes.module';
import { OwnerAnnouncements } from './owner-announcements';

@Module({
  imports: [CredentialChangesModule],
  providers: [OwnerAnnouncements, Pause],
})
export class OwnerAnnouncementsModule {}
