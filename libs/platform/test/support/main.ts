import { Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { AppLogger, bootstrapService, PlatformModule } from '../../src';
import { PlatformTables1764200000000 } from './platform-tables.migration';

/** Stands for a worker that takes a while to finish what it holds when the service stops. */
@Injectable()
class SlowToStop implements OnModuleDestroy {
  constructor(private readonly logger: AppLogger) {}

  async onModuleDestroy(): Promise<void> {
    const ms = Number(process.env.SLOW_STOP_MS ?? 0);
    if (ms > 0) {
      this.logger.pino.info({ ms }, 'slow stop begins');
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
  }
}

/** A service's main.ts, for the tests that run bootstrapService in a child process. */
@Module({
  providers: [SlowToStop],
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
