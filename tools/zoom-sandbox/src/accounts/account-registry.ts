import { SandboxAccount, SandboxApp } from './sandbox-account';

export class AccountRegistry {
  private readonly byId = new Map<string, SandboxAccount>();
  private readonly byClientId = new Map<string, { account: SandboxAccount; app: SandboxApp }>();

  constructor(readonly all: readonly SandboxAccount[]) {
    for (const account of all) {
      if (this.byId.has(account.accountId)) {
        throw new Error(`account id ${account.accountId} is used twice`);
      }
      this.byId.set(account.accountId, account);
      for (const app of account.apps) {
        if (this.byClientId.has(app.clientId)) {
          throw new Error(`client id ${app.clientId} is used twice`);
        }
        this.byClientId.set(app.clientId, { account, app });
      }
    }
  }

  get primary(): SandboxAccount {
    return this.all[0];
  }

  find(accountId: string): SandboxAccount | undefined {
    return this.byId.get(accountId);
  }

  findApp(clientId: string): { account: SandboxAccount; app: SandboxApp } | undefined {
    return this.byClientId.get(clientId);
  }
}
