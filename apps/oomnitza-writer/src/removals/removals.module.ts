import { Module } from '@nestjs/common';
import { WriteQueuesModule } from '../pending-records/write-queues.module';
import { MissingUsers } from './missing-users';
import { RemovalHolds } from './removal-holds';
import { RemovalsController } from './removals.controller';
import { WebhookRemovalGate } from './webhook-removal-gate';

/** The removal policy and the mass-removal circuit breaker: what removals do, and what waits for approval. */
@Module({
  imports: [WriteQueuesModule],
  controllers: [RemovalsController],
  providers: [RemovalHolds, WebhookRemovalGate, MissingUsers],
  exports: [RemovalHolds, WebhookRemovalGate],
})
export class RemovalsModule {}
