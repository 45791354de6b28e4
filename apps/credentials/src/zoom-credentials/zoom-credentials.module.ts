import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CredentialChangesModule } from '../credential-changes/credential-changes.module';
import { EncryptionModule } from '../encryption/encryption.module';
import { ZoomCredentialChanges } from './zoom-credential-changes';
import { ZoomCredentialSecrets } from './zoom-credential-secrets';
import { ZoomCredentialEntity } from './zoom-credential.entity';
import { ZoomCredentialsController } from './zoom-credentials.controller';
import { ZoomCredentialsService } from './zoom-credentials.service';

@Module({
  imports: [TypeOrmModule.forFeature([ZoomCredentialEntity]), EncryptionModule, CredentialChangesModule],
  controllers: [ZoomCredentialsController],
  providers: [ZoomCredentialsService, ZoomCredentialSecrets, ZoomCredentialChanges],
  exports: [ZoomCredentialSecrets, ZoomCredentialChanges],
})
export class ZoomCredentialsModule {}
