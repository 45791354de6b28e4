import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CredentialsEnvironment } from '../credentials.environment';
import { parseEncryptionKeys } from '../settings/encryption-keys.setting';
import { KeyRing } from './key-ring';
import { SecretCipher } from './secret-cipher';

/** Encryption at rest of every stored secret, under the keys of CREDENTIALS_ENCRYPTION_KEYS. */
@Module({
  providers: [
    {
      provide: KeyRing,
      inject: [ConfigService],
      useFactory: (config: ConfigService<CredentialsEnvironment, true>) =>
        new KeyRing(
          parseEncryptionKeys(config.get('CREDENTIALS_ENCRYPTION_KEYS', { infer: true })).keys,
          config.get('CREDENTIALS_ACTIVE_KEY_ID', { infer: true }),
        ),
    },
    SecretCipher,
  ],
  exports: [SecretCipher],
})
export class EncryptionModule {}
