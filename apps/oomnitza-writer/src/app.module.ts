import { Module } from '@nestjs/common';
import { MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { SyncState1764240100000 } from './migrations/1764240100000-sync-state';
import { OomnitzaWriterEnvironment } from './oomnitza-writer.environment';
import { PortionEntity } from './record-writes/portion.entity';
import { RecordWritesModule } from './record-writes/record-writes.module';
import { SERVICE } from './service';
import { UserSyncStateEntity } from './sync-state/user-sync-state.entity';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities, UserSyncStateEntity, PortionEntity],
      migrations: [InitialSchema1764240000000, SyncState1764240100000],
      environment: OomnitzaWriterEnvironment,
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    RecordWritesModule,
  ],
})
export class AppModule {}
