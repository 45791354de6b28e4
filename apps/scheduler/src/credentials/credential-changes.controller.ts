import { Controller } from '@nestjs/common';
import { CredentialsChanged, CredentialsChangedValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { DeletedCredentials } from './deleted-credentials';

@Controller()
export class CredentialChangesController {
  constructor(private readonly deleted: DeletedCredentials) {}

  @MessageHandler(CredentialsChanged)
  onCredentialsChanged({ envelope, manager }: ConsumedMessage<CredentialsChangedValue>): Promise<void> {
    return this.deleted.onCredentialsChanged(manager, envelope);
  }
}
