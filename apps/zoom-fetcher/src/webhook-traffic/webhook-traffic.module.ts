import { Module } from '@nestjs/common';
import { Pause } from '@zoom-oomnitza-sync/platform';
import { WebhookTraffic } from './webhook-traffic';

/** One WebhookTraffic per replica, shared by the webhook receiver and the full-sync fetches. */
@Module({
  providers: [Pause, WebhookTraffic],
  exports: [WebhookTraffic],
})
export class WebhookTrafficModule {}
