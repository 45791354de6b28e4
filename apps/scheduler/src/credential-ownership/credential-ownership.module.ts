import { Module } from '@nestjs/common';
import { CredentialOwnership } from './credential-ownership';
import { KnownCredentials } from './known-credentials';

@Module({
  providers: [CredentialOwnership, KnownCredentials],
  exports: [CredentialOwnership, KnownCredentials],
})
export class CredentialOwnershipModule {}
