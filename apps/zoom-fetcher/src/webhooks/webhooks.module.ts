import { Module } from '@nestjs/common';
import { CredentialsClientModule } from '@zoom-oomnitza-sync/credentials-client';
import { DirectoryModule } from '../directory/directory.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { ReconcileModule } from '../reconcile/reconcile.module';
import { UserChangesModule } from '../user-changes/user-changes.module';
import { UserReadsModule } from '../user-reads/user-reads.module';
import { WebhookTrafficModule } from '../webhook-traffic/webhook-traffic.module';
import { CredentialChangesController } from './credential-changes.controller';
import { WebhookEventRetention } from './webhook-event-retention';
import { WebhookIntake } from './webhook-intake';
import { ZoomWebhookReceiver } from './zoom-webhook-receiver';
import { ZoomWebhooksController } from './zoom-webhooks.controller';

/** Receiving Zoom's webhooks: verification, dedupe, and handing each user event on or to a read. */
@Module({
  imports: [
    CredentialsClientModule,
    IntegrationsModule,
    UserChangesModule,
    UserReadsModule,
    DirectoryModule,
    ReconcileModule,
    WebhookTrafficModule,
  ],
  controllers: [ZoomWebhooksController, CredentialChangesController],
  providers: [ZoomWebhookReceiver, WebhookIntake, WebhookEventRetention],
})
export class WebhooksModule {}
