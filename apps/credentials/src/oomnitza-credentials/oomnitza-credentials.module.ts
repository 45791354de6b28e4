import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboundHttpModule } from '@zoom-oomnitza-sync/outbound-http';
import { CredentialChangesModule } from '../credential-changes/credential-changes.module';
import { EncryptionModule } from '../encryption/encryption.module';
import { OomnitzaCredentialSecrets } from './oomnitza-credential-secrets';
import { OomnitzaCredentialEntity } from './oomnitza-credential.entity';
import { OomnitzaCredentialsController } from './oomnitza-credentials.controller';
import { OomnitzaCredentialsService } from './oomnitza-credentials.service';

@Module({
  imports: [TypeOrmModule.forFeature([OomnitzaCredentialEntity]), EncryptionModule, CredentialChangesModule, OutboundHttpModule],
  controllers: [OomnitzaCredentialsController],
  providers: [OomnitzaCredentialsService, OomnitzaCredentialSecrets],
  exports: [OomnitzaCredentialSecrets],
})
export class OomnitzaCredentialsModule {}
