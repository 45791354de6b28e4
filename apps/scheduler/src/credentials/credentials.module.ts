import { Module } from '@nestjs/common';
import { CredentialOwnershipModule } from '../credential-ownership/credential-ownership.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { CredentialChangesController } from './credential-changes.controller';
import { DeletedCredentials } from './deleted-credentials';

@Module({
  imports: [IntegrationsModule, CredentialOwnershipModule],
  controllers: [CredentialChangesController],
  providers: [DeletedCredentials],
})
export class CredentialsModule {}
