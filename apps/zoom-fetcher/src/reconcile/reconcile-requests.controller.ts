import { Controller } from '@nestjs/common';
import { ZoomReconcileRequested, ZoomReconcileRequestedValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { ReconcileSchedule } from './reconcile-schedule';

@Controller()
export class ReconcileRequestsController {
  constructor(private readonly schedule: ReconcileSchedule) {}

  @MessageHandler(ZoomReconcileRequested)
  onRequested({ envelope, manager }: ConsumedMessage<ZoomReconcileRequestedValue>): Promise<void> {
    return this.schedule.bringForward(manager, envelope.integrationId);
  }
}
