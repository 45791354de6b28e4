import { Module } from '@nestjs/common';
import { EventLoopLoad, Pause } from '@zoom-oomnitza-sync/platform';
import { RelayGivesWayToWebhooks } from './relay-gives-way';
import { WebhookTraffic } from './webhook-traffic';

/** One WebhookTraffic per replica, shared by the webhook receiver, the full-sync fetches and the outbox relay. */
@Module({
  providers: [Pause, EventLoopLoad, WebhookTraffic, RelayGivesWayToWebhooks],
  exports: [WebhookTraffic],
})
export class WebhookTrafficModule {}
