import { Module } from '@nestjs/common';
import { Pause } from '@zoom-oomnitza-sync/platform';
import { AdminApiKeysController } from './admin-api-keys.controller';
import { ApiKeyAnnouncements } from './api-key-announcements';
import { ApiKeyChanges } from './api-key-changes';
import { ApiKeyIssuer } from './api-key-issuer';

/** Tenant API keys are credentials: issued and revoked here, for every service. */
@Module({
  controllers: [AdminApiKeysController],
  providers: [ApiKeyIssuer, ApiKeyChanges, ApiKeyAnnouncements, Pause],
})
export class ApiKeysModule {}
