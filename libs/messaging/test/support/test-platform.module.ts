import { DynamicModule, Module } from '@nestjs/common';
import { AppLogger, createLogger, MetricsService, ReadinessRegistry, ServiceIdentity } from '@zoom-oomnitza-sync/platform';

/** The platform providers MessagingModule relies on, without HTTP, auth or the database wiring. */
@Module({})
export class TestPlatformModule {
  static forService(serviceName: string, schema: string): DynamicModule {
    return {
      module: TestPlatformModule,
      global: true,
      providers: [
        { provide: ServiceIdentity, useValue: new ServiceIdentity(serviceName, schema) },
        { provide: MetricsService, useFactory: () => new MetricsService(serviceName) },
        ReadinessRegistry,
        { provide: AppLogger, useFactory: () => new AppLogger(createLogger(serviceName, process.env.LOG_LEVEL ?? 'error')) },
      ],
      exports: [ServiceIdentity, MetricsService, ReadinessRegistry, AppLogger],
    };
  }
}
