import { Module } from '@nestjs/common';
import { EventLoopLoad, Pause } from '@zoom-oomnitza-sync/platform';
import { WebhookTraffic } from './webhook-traffic';

/** One WebhookTraffic per replica, shared by the webhook receiver and the full-sync fetches. */
@Module({
  providers: [Pause, EventLoopLoad, WebhookTraffic],
  exports: [WebhookTraffic],
})
export class WebhookTrafficModule {}
