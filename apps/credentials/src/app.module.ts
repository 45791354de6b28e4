import { Module } from '@nestjs/common';
import { MessagingModule, messagingEntities } from '@zoom-oomnitza-sync/messaging';
import { PlatformModule } from '@zoom-oomnitza-sync/platform';
import { ConnectionTestsModule } from './connection-tests/connection-tests.module';
import { CredentialsEnvironment } from './credentials.environment';
import { InternalModule } from './internal/internal.module';
import { InitialSchema1764240000000 } from './migrations/1764240000000-initial-schema';
import { CredentialsSchema1764240100000 } from './migrations/1764240100000-credentials-schema';
import { WebhookEndpoints1764240200000 } from './migrations/1764240200000-webhook-endpoints';
import { SecretMasks1764240300000 } from './migrations/1764240300000-secret-masks';
import { OwnerAnnouncements1764240400000 } from './migrations/1764240400000-owner-announcements';
import { OomnitzaCredentialEntity } from './oomnitza-credentials/oomnitza-credential.entity';
import { OomnitzaCredentialsModule } from './oomnitza-credentials/oomnitza-credentials.module';
import { OwnerAnnouncementsModule } from './owner-announcements/owner-announcements.module';
import { SERVICE } from './service';
import { StoredSecretsModule } from './stored-secrets/stored-secrets.module';
import { ZoomCredentialEntity } from './zoom-credentials/zoom-credential.entity';
import { ZoomCredentialsModule } from './zoom-credentials/zoom-credentials.module';
import { RateLimits1764240500000 } from './migrations/1764240500000-rate-limits';
import { ApiKeyAnnouncements1764240600000 } from './migrations/1764240600000-api-key-announcements';
import { OutboxPayloadAsWritten1764241600000 } from './migrations/1764241600000-outbox-payload-as-written';
import { ApiKeysModule } from './api-keys/api-keys.module';

@Module({
  imports: [
    PlatformModule.forService({
      ...SERVICE,
      environment: CredentialsEnvironment,
      entities: [...messagingEntities, ZoomCredentialEntity, OomnitzaCredentialEntity],
      migrations: [
        InitialSchema1764240000000,
        CredentialsSchema1764240100000,
        WebhookEndpoints1764240200000,
        SecretMasks1764240300000,
        OwnerAnnouncements1764240400000,
        RateLimits1764240500000,
        ApiKeyAnnouncements1764240600000,
        OutboxPayloadAsWritten1764241600000,
      ],
    }),
    MessagingModule.forService({ serviceName: SERVICE.serviceName }),
    ZoomCredentialsModule,
    OomnitzaCredentialsModule,
    ConnectionTestsModule,
    InternalModule,
    StoredSecretsModule,
    OwnerAnnouncementsModule,
    ApiKeysModule,
  ],
})
export class AppModule {}
