import { Controller } from '@nestjs/common';
import { RemovalsHeld, RemovalsHeldValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { HeldRemovalsService } from './held-removals.service';

/** The writer reports what it holds; each report is applied once (inbox). */
@Controller()
export class HeldRemovalReportsController {
  constructor(private readonly heldRemovals: HeldRemovalsService) {}

  @MessageHandler(RemovalsHeld)
  onHeld({ envelope, manager }: ConsumedMessage<RemovalsHeldValue>): Promise<void> {
    return this.heldRemovals.recordHeld(manager, envelope);
  }
}
