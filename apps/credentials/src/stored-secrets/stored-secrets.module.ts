import { Module } from '@nestjs/common';
import { EncryptionModule } from '../encryption/encryption.module';
import { SecretMaskBackfill } from './secret-mask-backfill';
import { SecretRotation } from './secret-rotation';
import { StoredSecretsMaintenance } from './stored-secrets-maintenance';

@Module({
  imports: [EncryptionModule],
  providers: [SecretRotation, SecretMaskBackfill, StoredSecretsMaintenance],
})
export class StoredSecretsModule {}
