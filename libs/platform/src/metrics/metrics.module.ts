import { Global, Module } from '@nestjs/common';
import { ServiceIdentity } from '../platform/service-identity';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: MetricsService,
      inject: [ServiceIdentity],
      useFactory: (identity: ServiceIdentity) => new MetricsService(identity.serviceName),
    },
    HttpMetricsMiddleware,
  ],
  exports: [MetricsService, HttpMetricsMiddleware],
})
export class MetricsModule {}
