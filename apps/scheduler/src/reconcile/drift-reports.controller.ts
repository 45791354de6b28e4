import { Controller } from '@nestjs/common';
import { ZoomDriftDetected, ZoomDriftDetectedValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { ReconcileService } from './reconcile.service';

@Controller()
export class DriftReportsController {
  constructor(private readonly reconcile: ReconcileService) {}

  @MessageHandler(ZoomDriftDetected)
  onDrift({ envelope, manager }: ConsumedMessage<ZoomDriftDetectedValue>): Promise<void> {
    return this.reconcile.onDrift(manager, envelope);
  }
}
