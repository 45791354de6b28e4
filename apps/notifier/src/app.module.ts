import { Module } from '@nestjs/common';
import { MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { SERVICE } from './service';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities],
      migrations: [InitialSchema1764240000000],
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
  ],
})
export class AppModule {}
