import { Module } from '@nestjs/common';
import { DeliveriesController } from './deliveries.controller';
import { DeliveryPlanner } from './delivery-planner';
import { DeliverySender } from './delivery-sender';

@Module({
  controllers: [DeliveriesController],
  providers: [DeliveryPlanner, DeliverySender],
  exports: [DeliveryPlanner],
})
export class DeliveriesModule {}
