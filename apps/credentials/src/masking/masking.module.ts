import { Module } from '@nestjs/common';
import { EncryptionModule } from '../encryption/encryption.module';
import { SecretMaskBackfill } from './secret-mask-backfill';

@Module({
  imports: [EncryptionModule],
  providers: [SecretMaskBackfill],
})
export class MaskingModule {}
