import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CredentialsEnvironment } from '../credentials.environment';
import { OomnitzaCredentialsModule } from '../oomnitza-credentials/oomnitza-credentials.module';
import { parseServiceTokens } from '../settings/service-tokens.setting';
import { TokenBrokerModule } from '../token-broker/token-broker.module';
import { ZoomCredentialsModule } from '../zoom-credentials/zoom-credentials.module';
import { InternalListener } from './internal-listener';
import { ListenerSeparationMiddleware } from './listener-separation.middleware';
import { InternalOomnitzaTokensController } from './internal-oomnitza-tokens.controller';
import { InternalServiceGuard } from './internal-service.guard';
import { InternalWebhookEndpointsController } from './internal-webhook-endpoints.controller';
import { InternalZoomTokensController } from './internal-zoom-tokens.controller';
import { ServiceTokens } from './service-tokens';

/** The service-authenticated API other services fetch secrets from, on a port of its own. */
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
    InternalListener,
  ],
})
export class InternalModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ListenerSeparationMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
