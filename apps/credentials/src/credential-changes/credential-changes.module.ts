import { Module } from '@nestjs/common';
import { CredentialChanges } from './credential-changes';

@Module({
  providers: [CredentialChanges],
  exports: [CredentialChanges],
})
export class CredentialChangesModule {}
