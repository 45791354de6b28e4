import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CredentialsEnvironment } from '../credentials.environment';
import { OomnitzaCredentialsModule } from '../oomnitza-credentials/oomnitza-credentials.module';
import { parseServiceTokens } from '../settings/service-tokens.setting';
import { TokenBrokerModule } from '../token-broker/token-broker.module';
import { ZoomCredentialsModule } from '../zoom-credentials/zoom-credentials.module';
import { InternalOomnitzaTokensController } from './internal-oomnitza-tokens.controller';
import { InternalServiceGuard } from './internal-service.guard';
import { InternalWebhookEndpointsController } from './internal-webhook-endpoints.controller';
import { InternalZoomTokensController } from './internal-zoom-tokens.controller';
import { ServiceTokens } from './service-tokens';

/** The service-authenticated API other services fetch secrets from. */
@Module({
  imports: [TokenBrokerModule, OomnitzaCredentialsModule, ZoomCredentialsModule],
  controllers: [InternalZoomTokensController, InternalOomnitzaTokensController, InternalWebhookEndpointsController],
  providers: [
    {
      provide: ServiceTokens,
      inject: [ConfigService],
      useFactory: (config: ConfigService<CredentialsEnvironment, true>) =>
        new ServiceTokens(parseServiceTokens(config.get('INTERNAL_SERVICE_TOKENS', { infer: true })).tokens),
    },
    InternalServiceGuard,
  ],
})
export class InternalModule {}
