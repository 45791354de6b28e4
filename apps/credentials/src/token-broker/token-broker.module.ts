import { Module } from '@nestjs/common';
import { Clock, SystemClock } from '../common/clock';
import { ZoomCredentialsModule } from '../zoom-credentials/zoom-credentials.module';
import { ZoomOAuthClient } from '../zoom-oauth/zoom-oauth.client';
import { ZoomTokenBroker } from './zoom-token-broker';

/** Zoom access tokens for every credential: cached per process, minted single-flight. */
@Module({
  imports: [ZoomCredentialsModule],
  providers: [ZoomTokenBroker, ZoomOAuthClient, { provide: Clock, useClass: SystemClock }],
  exports: [ZoomTokenBroker],
})
export class TokenBrokerModule {}
