import { Module } from '@nestjs/common';
import { bootstrapService, PlatformModule } from '../../src';
import { PlatformTables1764200000000 } from './platform-tables.migration';

/** A service's main.ts, for the tests that run bootstrapService in a child process. */
@Module({
  imports: [
    PlatformModule.forService({
      serviceName: 'platform-main',
      schema: 'platform_main',
      entities: [],
      migrations: [PlatformTables1764200000000],
    }),
  ],
})
class MainTestModule {}

void bootstrapService(MainTestModule, { serviceName: 'platform-main', defaultPort: 3999 });
