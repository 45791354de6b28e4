import { Controller } from '@nestjs/common';
import { IntegrationAlert, IntegrationAlertValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { AlertIntake } from './alert-intake';

/** Every integration.alert, applied once (inbox). */
@Controller()
export class AlertsController {
  constructor(private readonly intake: AlertIntake) {}

  @MessageHandler(IntegrationAlert)
  onAlert({ envelope, manager }: ConsumedMessage<IntegrationAlertValue>): Promise<void> {
    return this.intake.take(manager, envelope);
  }
}
