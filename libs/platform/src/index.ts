export * from './config/base-environment';
export * from './config/validate-environment';
export * from './health/readiness.registry';
export * from './logging/app-logger';
export * from './logging/correlation-context';
export * from './logging/create-logger';
export * from './metrics/metrics.service';
