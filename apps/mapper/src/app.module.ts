import { Module } from '@nestjs/common';
import { ApiKeyReplicaModule, MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { IntegrationSettingsEntity } from './integration-settings/integration-settings.entity';
import { IntegrationSettingsModule } from './integration-settings/integration-settings.module';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { IntegrationSettings1764240100000 } from './migrations/1764240100000-integration-settings';
import { SERVICE } from './service';
import { UserChangesModule } from './user-changes/user-changes.module';
import { UserPagesModule } from './user-pages/user-pages.module';
import { RateLimits1764240200000 } from './migrations/1764240200000-rate-limits';
import { ApiKeyReplica1764240300000 } from './migrations/1764240300000-api-key-replica';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities, IntegrationSettingsEntity],
      migrations: [InitialSchema1764240000000, IntegrationSettings1764240100000, RateLimits1764240200000, ApiKeyReplica1764240300000],
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    ApiKeyReplicaModule,
    IntegrationSettingsModule,
    UserPagesModule,
    UserChangesModule,
  ],
})
export class AppModule {}
