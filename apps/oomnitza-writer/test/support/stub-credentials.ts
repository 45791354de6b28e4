import { ConfigService } from '@nestjs/config';
import { CredentialRef, CredentialsClient, OomnitzaAccess } from '@zoom-oomnitza-sync/credentials-client';

/** The credentials service's answers without the service: a token per credential, or the error it is told to raise. */
export class StubCredentials extends CredentialsClient {
  private readonly failures = new Map<string, Error>();

  constructor() {
    super(new ConfigService({ CREDENTIALS_URL: 'http://credentials.invalid', CREDENTIALS_SERVICE_TOKEN: 'never-sent-by-the-stub' }));
  }

  static tokenOf(credentialId: string): string {
    return `oomnitza-token-of-${credentialId}`;
  }

  fail(credentialId: string, error: Error): void {
    this.failures.set(credentialId, error);
  }

  recover(credentialId: string): void {
    this.failures.delete(credentialId);
  }

  /** Every credential asked for, with the tenant named. */
  readonly asked: CredentialRef[] = [];

  override async oomnitzaAccess(credential: CredentialRef): Promise<OomnitzaAccess> {
    this.asked.push(credential);
    const { credentialId } = credential;
    const failure = this.failures.get(credentialId);
    if (failure) {
      throw failure;
    }
    return { apiToken: StubCredentials.tokenOf(credentialId), baseUrl: 'https://acme.oomnitza.invalid' };
  }
}
