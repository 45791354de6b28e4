import { DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ServiceIdentity } from '../platform/service-identity';
import { BaseEnvironment } from './base-environment';
import { EnvironmentClass, validateEnvironment } from './validate-environment';

/**
 * Provides the validated settings as ConfigService, and the ServiceIdentity.
 *
 * The environment is read when the application is created rather than when its module file is
 * imported (ConfigModule.forRoot would read it at import): tests import an AppModule first and
 * set DATABASE_SCHEMA and friends afterwards, and a bad setting surfaces as a failed startup.
 */
@Module({})
export class PlatformConfigModule {
  static forService(options: { serviceName: string; schema: string; environment?: EnvironmentClass<BaseEnvironment> }): DynamicModule {
    const validate = validateEnvironment(options.environment ?? BaseEnvironment);
    return {
      module: PlatformConfigModule,
      global: true,
      providers: [
        { provide: ConfigService, useFactory: () => new ConfigService(validate(process.env)) },
        {
          provide: ServiceIdentity,
          inject: [ConfigService],
          useFactory: (config: ConfigService<BaseEnvironment, true>) =>
            new ServiceIdentity(options.serviceName, config.get('DATABASE_SCHEMA', { infer: true }) ?? options.schema),
        },
      ],
      exports: [ConfigService, ServiceIdentity],
    };
  }
}
