import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OutboundHttpModule } from '@zoom-oomnitza-sync/outbound-http';
import { OomnitzaCatalogueClient } from '../oomnitza-api/oomnitza-catalogue.client';
import { CredentialsEnvironment } from '../credentials.environment';
import { OomnitzaCredentialsModule } from '../oomnitza-credentials/oomnitza-credentials.module';
import { parseServiceTokens } from '../settings/service-tokens.setting';
import { TokenBrokerModule } from '../token-broker/token-broker.module';
import { ZoomCredentialsModule } from '../zoom-credentials/zoom-credentials.module';
import { InternalListener } from './internal-listener';
import { ListenerSeparationMiddleware } from './listener-separation.middleware';
import { InternalOomnitzaCatalogueController } from './internal-oomnitza-catalogue.controller';
import { InternalOomnitzaTokensController } from './internal-oomnitza-tokens.controller';
import { InternalServiceGuard } from './internal-service.guard';
import { InternalWebhookEndpointsController } from './internal-webhook-endpoints.controller';
import { InternalZoomTokensController } from './internal-zoom-tokens.controller';
import { ServiceTokens } from './service-tokens';

/** The service-authenticated API other services fetch secrets (and the Oomnitza catalogue) from, on a port of its own. */
@Module({
  imports: [TokenBrokerModule, OomnitzaCredentialsModule, ZoomCredentialsModule, OutboundHttpModule],
  controllers: [
    InternalZoomTokensController,
    InternalOomnitzaTokensController,
    InternalOomnitzaCatalogueController,
    InternalWebhookEndpointsController,
  ],
  providers: [
    {
      provide: ServiceTokens,
      inject: [ConfigService],
      useFactory: (config: ConfigService<CredentialsEnvironment, true>) =>
        new ServiceTokens(parseServiceTokens(config.get('INTERNAL_SERVICE_TOKENS', { infer: true })).tokens),
    },
    InternalServiceGuard,
    InternalListener,
    OomnitzaCatalogueClient,
  ],
})
export class InternalModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ListenerSeparationMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
