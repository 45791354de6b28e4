import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { PlatformConfigModule } from '../config/platform-config.module';
import { DatabaseModule } from '../database/database.module';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { createValidationPipe } from '../errors/validation.pipe';
import { HealthModule } from '../health/health.module';
import { CorrelationMiddleware } from '../logging/correlation.middleware';
import { LoggingModule } from '../logging/logging.module';
import { HttpMetricsMiddleware } from '../metrics/http-metrics.middleware';
import { MetricsModule } from '../metrics/metrics.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { PlatformServiceOptions } from './platform-options';
import { ShutdownLogger } from './shutdown-logger';

/**
 * Everything a service shares with the others: validated settings, JSON logs with correlation
 * ids, its migrated PostgreSQL schema, health and metrics endpoints, API key authentication,
 * input validation and problem+json errors. Import it once, in the app's root module.
 */
@Module({})
export class PlatformModule implements NestModule {
  static forService(options: PlatformServiceOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        PlatformConfigModule.forService(options),
        LoggingModule,
        MetricsModule,
        HealthModule,
        DatabaseModule.forService(options),
        AuthModule,
        // After AuthModule: its guard names the principal the limits count against.
        RateLimitsModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        ShutdownLogger,
      ],
      exports: [PlatformConfigModule, LoggingModule, MetricsModule, HealthModule, AuthModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Correlation first: the request line logged by the metrics middleware carries its id.
    consumer.apply(CorrelationMiddleware, HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
