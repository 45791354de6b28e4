import { Controller } from '@nestjs/common';
import { RemovalsDecided, RemovalsDecidedValue, SyncRunCompleted, SyncRunCompletedValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { MissingUsers } from './missing-users';
import { RemovalHolds } from './removal-holds';

@Controller()
export class RemovalsController {
  constructor(
    private readonly missingUsers: MissingUsers,
    private readonly holds: RemovalHolds,
  ) {}

  @MessageHandler(SyncRunCompleted)
  onRunCompleted({ envelope, manager }: ConsumedMessage<SyncRunCompletedValue>): Promise<void> {
    return this.missingUsers.markAfter(manager, envelope);
  }

  @MessageHandler(RemovalsDecided)
  onDecided({ envelope, manager }: ConsumedMessage<RemovalsDecidedValue>): Promise<void> {
    return this.holds.decide(manager, envelope);
  }
}
