import { Module } from '@nestjs/common';
import { OutboundHttpModule } from '@zoom-oomnitza-sync/outbound-http';
import { OomnitzaAuthTestClient } from '../oomnitza-api/oomnitza-auth-test.client';
import { OomnitzaCredentialsModule } from '../oomnitza-credentials/oomnitza-credentials.module';
import { TokenBrokerModule } from '../token-broker/token-broker.module';
import { ZoomCredentialsModule } from '../zoom-credentials/zoom-credentials.module';
import { ConnectionTestsController } from './connection-tests.controller';
import { OomnitzaConnectionTest } from './oomnitza-connection-test';
import { TenantTestSlots } from './tenant-test-slots';
import { ZoomConnectionTest } from './zoom-connection-test';

/** "Test connection" for both kinds of credential. */
@Module({
  imports: [ZoomCredentialsModule, OomnitzaCredentialsModule, TokenBrokerModule, OutboundHttpModule],
  controllers: [ConnectionTestsController],
  providers: [ZoomConnectionTest, OomnitzaConnectionTest, OomnitzaAuthTestClient, TenantTestSlots],
})
export class ConnectionTestsModule {}
