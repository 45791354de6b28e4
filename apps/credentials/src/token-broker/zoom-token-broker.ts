import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AppLogger, MetricsService, NotFoundProblem } from '@zoom-oomnitza-sync/platform';
import { Counter } from 'prom-client';
import { Clock } from '../common/clock';
import { CredentialsEnvironment } from '../credentials.environment';
import { ZoomCredentialChanges } from '../zoom-credentials/zoom-credential-changes';
import { ZoomCredentialSecrets } from '../zoom-credentials/zoom-credential-secrets';
import { ZoomAccessToken } from '../zoom-oauth/zoom-access-token';
import { ZoomOAuthClient } from '../zoom-oauth/zoom-oauth.client';
import { ZoomTokenError } from '../zoom-oauth/zoom-token-error';
import { SingleFlight } from './single-flight';

/** Callers seeing the same token refused report it within moments of each other. */
export const REPLACEMENT_GRACE_MS = 10_000;

/** A token together with the credential version it was minted from. */
export interface BrokeredZoomToken extends ZoomAccessToken {
  version: number;
}

/**
 * Hands out one Zoom access token per credential, cached in this process until shortly before it
 * expires. Zoom has invalidated tokens when many were minted at once, so a credential's mints are
 * single-flight: every caller arriving during a mint shares it. A changed credential (its version
 * moved, here or on another replica) gets a new token at the next request.
 */
@Injectable()
export class ZoomTokenBroker {
  private readonly cache = new Map<string, BrokeredZoomToken>();
  private readonly mints = new SingleFlight<string, BrokeredZoomToken>();
  private readonly marginMs: number;
  private readonly mintOutcomes: Counter<'outcome'>;

  constructor(
    private readonly secrets: ZoomCredentialSecrets,
    private readonly oauth: ZoomOAuthClient,
    private readonly clock: Clock,
    config: ConfigService<CredentialsEnvironment, true>,
    changes: ZoomCredentialChanges,
    metrics: MetricsService,
    private readonly logger: AppLogger,
  ) {
    this.marginMs = config.get('ZOOM_TOKEN_REFRESH_MARGIN_SECONDS', { infer: true }) * 1000;
    this.mintOutcomes = metrics.counter('zoom_token_mints_total', 'Zoom access tokens minted, by outcome', ['outcome']);
    changes.onChange((credentialId) => this.cache.delete(credentialId));
  }

  /** The cached token while it is fresh and the credential unchanged; otherwise a new one. */
  async token(credentialId: string): Promise<BrokeredZoomToken> {
    const version = await this.versionOf(credentialId);
    const cached = this.cache.get(credentialId);
    if (cached && cached.version === version && this.isFresh(cached)) {
      return cached;
    }
    return this.mint(credentialId, version);
  }

  /**
   * A new token for a caller whose token Zoom refused (code 124), minted once however many callers
   * report the refusal: a cached token other than the refused one is handed out instead. Callers
   * that do not name the refused token get a token minted within the last
   * REPLACEMENT_GRACE_MS as is: it already replaced the one they saw refused.
   */
  async replace(credentialId: string, refusedAccessToken?: string): Promise<BrokeredZoomToken> {
    const version = await this.versionOf(credentialId);
    const cached = this.cache.get(credentialId);
    if (cached && this.mayBeRefused(cached, refusedAccessToken)) {
      // Nobody receives the refused token while its replacement is minted.
      this.cache.delete(credentialId);
    } else if (cached && cached.version === version && this.isFresh(cached)) {
      return cached;
    }
    return this.mint(credentialId, version);
  }

  /** Always mints (a connection test); the new token replaces the cached one, so the account's live tokens do not multiply. */
  async mintNow(credentialId: string): Promise<BrokeredZoomToken> {
    return this.mint(credentialId, await this.versionOf(credentialId));
  }

  private mayBeRefused(token: BrokeredZoomToken, refusedAccessToken: string | undefined): boolean {
    if (refusedAccessToken !== undefined) {
      return token.accessToken === refusedAccessToken;
    }
    return this.clock.now() - token.mintedAt >= REPLACEMENT_GRACE_MS;
  }

  /** Fresh until the refresh margin before expiry, but never past half its lifetime (short-lived tokens). */
  private isFresh(token: BrokeredZoomToken): boolean {
    const margin = Math.min(this.marginMs, (token.expiresAt - token.mintedAt) / 2);
    return this.clock.now() < token.expiresAt - margin;
  }

  private async versionOf(credentialId: string): Promise<number> {
    try {
      return await this.secrets.currentVersion(credentialId);
    } catch (error) {
      if (error instanceof NotFoundProblem) {
        this.cache.delete(credentialId);
      }
      throw error;
    }
  }

  private mint(credentialId: string, version: number): Promise<BrokeredZoomToken> {
    return this.mints.run(`${credentialId}@${version}`, async () => {
      const credential = await this.secrets.forMinting(credentialId);
      let minted: ZoomAccessToken;
      try {
        minted = await this.oauth.mint(credential);
      } catch (error) {
        const refused = error instanceof ZoomTokenError && !error.retryable;
        this.mintOutcomes.inc({ outcome: refused ? 'refused' : 'failed' });
        this.logger.pino.warn(
          { credentialId, problem: error instanceof ZoomTokenError ? error.problem : String(error) },
          'zoom token mint failed',
        );
        throw error;
      }
      this.mintOutcomes.inc({ outcome: 'minted' });
      this.logger.pino.info(
        { credentialId, expiresAt: new Date(minted.expiresAt).toISOString(), scopes: minted.scopes },
        'zoom token minted',
      );
      const token = { ...minted, version: credential.version };
      const cached = this.cache.get(credentialId);
      if (!cached || cached.version <= token.version) {
        this.cache.set(credentialId, token);
      }
      return token;
    });
  }
}
