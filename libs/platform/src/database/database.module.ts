import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { platformEntities } from '../auth/api-key.entity';
import { BaseEnvironment } from '../config/base-environment';
import { AppLogger } from '../logging/app-logger';
import { PlatformServiceOptions } from '../platform/platform-options';
import { ServiceIdentity } from '../platform/service-identity';
import { createMigratedDataSource, isConnectionError } from './create-migrated-data-source';
import { DatabaseQueryMetrics } from './database-query-metrics';
import { DatabaseReadiness } from './database-readiness';
import { PreparedStatementClient } from './prepared-statements';
import { TypeOrmPinoLogger } from './typeorm-pino-logger';

/** The service's PostgreSQL schema: migrated at startup, never synchronized. */
@Module({})
export class DatabaseModule {
  static forService(options: Pick<PlatformServiceOptions, 'entities' | 'migrations'>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService, ServiceIdentity, AppLogger],
          useFactory: (config: ConfigService<BaseEnvironment, true>, identity: ServiceIdentity, logger: AppLogger) => ({
            type: 'postgres' as const,
            url: config.get('DATABASE_URL', { infer: true }),
            schema: identity.schema,
            applicationName: identity.serviceName,
            poolSize: config.get('DATABASE_POOL_SIZE', { infer: true }),
            extra: { Client: PreparedStatementClient },
            entities: [...platformEntities, ...options.entities],
            migrations: options.migrations,
            migrationsRun: true,
            migrationsTableName: 'migrations',
            migrationsTransactionMode: 'each' as const,
            synchronize: false,
            logger: new TypeOrmPinoLogger(logger.pino),
            maxQueryExecutionTime: 1000,
            retryAttempts: 5,
            retryDelay: 2000,
            toRetry: isConnectionError,
          }),
          dataSourceFactory: (dataSourceOptions?: DataSourceOptions) => {
            if (!dataSourceOptions) {
              throw new Error('TypeORM options are missing');
            }
            return createMigratedDataSource(dataSourceOptions);
          },
        }),
      ],
      providers: [DatabaseReadiness, DatabaseQueryMetrics],
    };
  }
}
