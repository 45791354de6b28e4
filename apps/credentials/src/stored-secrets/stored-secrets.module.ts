import { Module } from '@nestjs/common';
import { EncryptionModule } from '../encryption/encryption.module';
import { StoredSecretsMaintenance } from './stored-secrets-maintenance';

@Module({
  imports: [EncryptionModule],
  providers: [StoredSecretsMaintenance],
})
export class StoredSecretsModule {}
