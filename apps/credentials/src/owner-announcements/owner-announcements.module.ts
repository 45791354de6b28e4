import { Module } from '@nestjs/common';
import { CredentialChangesModule } from '../credential-changes/credential-changes.module';
import { OwnerAnnouncements } from './owner-announcements';

@Module({
  imports: [CredentialChangesModule],
  providers: [OwnerAnnouncements],
})
export class OwnerAnnouncementsModule {}
