import { Controller } from '@nestjs/common';
import { CredentialsChanged, CredentialsChangedValue } from '@zoom-oomnitza-sync/contracts';
import { CredentialsClient } from '@zoom-oomnitza-sync/credentials-client';
import { ConsumedMessage, MessageHandler } from '@zoom-oomnitza-sync/messaging';

@Controller()
export class CredentialChangesController {
  constructor(private readonly credentials: CredentialsClient) {}

  /**
   * A changed Zoom credential may have a new webhook secret token: this replica looks it up again
   * at the next delivery. Replicas that do not consume the message notice within the cache's time.
   */
  @MessageHandler(CredentialsChanged)
  async onCredentialsChanged({ envelope }: ConsumedMessage<CredentialsChangedValue>): Promise<void> {
    if (envelope.payload.kind === 'zoom') {
      this.credentials.forgetZoomCredential(envelope.payload.credentialId);
    }
  }
}
