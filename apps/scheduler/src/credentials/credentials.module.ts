import { Module } from '@nestjs/common';
import { IntegrationsModule } from '../integrations/integrations.module';
import { CredentialChangesController } from './credential-changes.controller';
import { DeletedCredentials } from './deleted-credentials';

@Module({
  imports: [IntegrationsModule],
  controllers: [CredentialChangesController],
  providers: [DeletedCredentials],
})
export class CredentialsModule {}
