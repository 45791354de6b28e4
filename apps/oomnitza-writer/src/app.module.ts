import { Module } from '@nestjs/common';
import { PortionsModule } from './portions/portions.module';
import { ApiKeyReplicaModule, MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { IntegrationSettingsModule } from './integration-settings/integration-settings.module';
import { OomnitzaWriterEnvironment } from './oomnitza-writer.environment';
import { PendingRecordsModule } from './pending-records/pending-records.module';
import { RemovalsModule } from './removals/removals.module';
import { ReportsModule } from './reports/reports.module';
import { SERVICE } from './service';
import { TimingModule } from './timing/timing.module';
import { WriteLoopModule } from './write-loop/write-loop.module';
import { WriterMetricsModule } from './writer-metrics/writer-metrics.module';
import { WRITER_ENTITIES, WRITER_MIGRATIONS } from './writer-schema';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      entities: [...messagingEntities, ...WRITER_ENTITIES],
      migrations: WRITER_MIGRATIONS,
      environment: OomnitzaWriterEnvironment,
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    ApiKeyReplicaModule,
    TimingModule,
    WriterMetricsModule,
    IntegrationSettingsModule,
    PendingRecordsModule,
    RemovalsModule,
    WriteLoopModule,
    PortionsModule,
    ReportsModule,
  ],
})
export class AppModule {}
