import { Module } from '@nestjs/common';
import { ApiKeyReplicaModule, MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { ContactsModule } from './contacts/contacts.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { IntegrationNamesModule } from './integration-names/integration-names.module';
import { NotificationsModule } from './notifications/notifications.module';
import { NOTIFIER_ENTITIES, NOTIFIER_MIGRATIONS } from './notifier-schema';
import { NotifierEnvironment } from './notifier.environment';
import { SERVICE } from './service';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities, ...NOTIFIER_ENTITIES],
      migrations: NOTIFIER_MIGRATIONS,
      environment: NotifierEnvironment,
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    ApiKeyReplicaModule,
    ContactsModule,
    DeliveriesModule,
    NotificationsModule,
    IntegrationNamesModule,
  ],
})
export class AppModule {}
