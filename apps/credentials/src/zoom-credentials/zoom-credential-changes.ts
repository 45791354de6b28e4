import { Injectable } from '@nestjs/common';

type Listener = (credentialId: string) => void;

/**
 * Tells this process's holders of derived state (the token cache) that a Zoom credential changed
 * or is gone, once the change committed. Other replicas notice through the credential's version.
 */
@Injectable()
export class ZoomCredentialChanges {
  private readonly listeners: Listener[] = [];

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }

  changed(credentialId: string): void {
    for (const listener of this.listeners) {
      listener(credentialId);
    }
  }
}
