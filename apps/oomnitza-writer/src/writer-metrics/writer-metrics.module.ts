import { Global, Module } from '@nestjs/common';
import { WriterMetrics } from './writer-metrics';

@Global()
@Module({ providers: [WriterMetrics], exports: [WriterMetrics] })
export class WriterMetricsModule {}
