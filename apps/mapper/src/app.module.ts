import { Module } from '@nestjs/common';
import { ApiKeyReplicaModule, MessagingModule } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { IntegrationSettingsModule } from './integration-settings/integration-settings.module';
import { MAPPER_ENTITIES, MAPPER_MIGRATIONS } from './mapper-schema';
import { SERVICE } from './service';
import { UserChangesModule } from './user-changes/user-changes.module';
import { UserPagesModule } from './user-pages/user-pages.module';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: MAPPER_ENTITIES,
      migrations: MAPPER_MIGRATIONS,
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    ApiKeyReplicaModule,
    IntegrationSettingsModule,
    UserPagesModule,
    UserChangesModule,
  ],
})
export class AppModule {}
