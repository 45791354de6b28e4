import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { BaseEnvironment } from '../config/base-environment';
import { ServiceIdentity } from '../platform/service-identity';
import { AppLogger } from './app-logger';
import { createLogger } from './create-logger';

@Global()
@Module({
  providers: [
    {
      provide: AppLogger,
      inject: [ServiceIdentity, ConfigService],
      useFactory: (identity: ServiceIdentity, config: ConfigService<BaseEnvironment, true>) =>
        new AppLogger(createLogger(identity.serviceName, config.get('LOG_LEVEL', { infer: true }))),
    },
  ],
  exports: [AppLogger],
})
export class LoggingModule {}
