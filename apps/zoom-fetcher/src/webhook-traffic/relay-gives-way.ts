import { Injectable, OnModuleInit } from '@nestjs/common';
import { OutboxRelay } from '@zoom-oomnitza-sync/messaging';
import { WebhookTraffic } from './webhook-traffic';

/** Hands the replica's outbox relay its pacing before the relay starts: webhook deliveries first. */
@Injectable()
export class RelayGivesWayToWebhooks implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly traffic: WebhookTraffic,
  ) {}

  onModuleInit(): void {
    this.relay.paceWith(() => this.traffic.beforeRelayCycle());
  }
}
