import { Controller } from '@nestjs/common';
import { CredentialsChanged, CredentialsChangedValue } from '@zoom-oomnitza-sync/contracts';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';
import { KnownCredentials } from '../credential-ownership/known-credentials';
import { DeletedCredentials } from './deleted-credentials';

@Controller()
export class CredentialChangesController {
  constructor(
    private readonly known: KnownCredentials,
    private readonly deleted: DeletedCredentials,
  ) {}

  @MessageHandler(CredentialsChanged)
  async onCredentialsChanged({ envelope, manager }: ConsumedMessage<CredentialsChangedValue>): Promise<void> {
    await this.known.record(manager, envelope);
    await this.deleted.onCredentialsChanged(manager, envelope);
  }
}
