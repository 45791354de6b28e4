import { randomBytes } from 'node:crypto';
import { Clock } from '../clock';

export interface AccessGrant {
  accountId: string;
  clientId: string;
  scopes: ReadonlySet<string>;
  expiresAt: number;
}

export type TokenCheck = { valid: true; grant: AccessGrant } | { valid: false; reason: 'missing' | 'invalid' | 'expired' };

/** Expired tokens are remembered this long, so callers hear "expired" rather than "invalid". */
const EXPIRED_MEMORY_MS = 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 1000;

/**
 * Access tokens minted by POST /oauth/token. Zoom issues no refresh tokens: a client mints
 * again. With `maxTokensPerApp`, minting beyond it invalidates the app's oldest live token, as
 * Zoom does to clients that mint concurrently instead of sharing one token.
 */
export class TokenStore {
  private readonly grants = new Map<string, AccessGrant>();
  private readonly tokensByApp = new Map<string, string[]>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly clock: Clock,
    private readonly lifetimeSeconds: number,
    private readonly maxTokensPerApp: number,
  ) {}

  get lifetime(): number {
    return this.lifetimeSeconds;
  }

  issue(accountId: string, clientId: string, scopes: readonly string[]): string {
    this.sweep();
    const token = randomBytes(48).toString('base64url');
    this.grants.set(token, { accountId, clientId, scopes: new Set(scopes), expiresAt: this.clock.now() + this.lifetimeSeconds * 1000 });
    const appTokens = this.tokensByApp.get(clientId) ?? [];
    appTokens.push(token);
    this.tokensByApp.set(clientId, appTokens);
    if (this.maxTokensPerApp > 0) {
      while (appTokens.length > this.maxTokensPerApp) {
        this.grants.delete(appTokens.shift() as string);
      }
    }
    return token;
  }

  /** Checks an Authorization header value ("Bearer <token>"). */
  check(authorization: string | undefined): TokenCheck {
    if (!authorization) {
      return { valid: false, reason: 'missing' };
    }
    const match = /^bearer\s+(\S+)\s*$/i.exec(authorization);
    const grant = match ? this.grants.get(match[1]) : undefined;
    if (!grant) {
      return { valid: false, reason: 'invalid' };
    }
    if (grant.expiresAt <= this.clock.now()) {
      return { valid: false, reason: 'expired' };
    }
    return { valid: true, grant };
  }

  private sweep(): void {
    const now = this.clock.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) {
      return;
    }
    this.lastSweep = now;
    const forgetBefore = now - EXPIRED_MEMORY_MS;
    for (const [clientId, tokens] of this.tokensByApp) {
      const kept = tokens.filter((token) => {
        const grant = this.grants.get(token);
        if (grant && grant.expiresAt > forgetBefore) {
          return true;
        }
        this.grants.delete(token);
        return false;
      });
      this.tokensByApp.set(clientId, kept);
    }
  }
}
