import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { GUARDED_FETCH, GuardedFetch } from '@zoom-oomnitza-sync/outbound-http';
import { CredentialsEnvironment } from '../credentials.environment';
import { describeFetchFailure } from '../outbound-http/describe-fetch-failure';

export type AuthTestOutcome = { ok: true } | { ok: false; problem: string };

/** Oomnitza's own token check, as its connector does it: GET /api/v2/mappings?name=AuthTest. */
@Injectable()
export class OomnitzaAuthTestClient {
  private readonly timeoutMs: number;

  constructor(
    config: ConfigService<CredentialsEnvironment, true>,
    @Inject(GUARDED_FETCH) private readonly fetch: GuardedFetch,
  ) {
    this.timeoutMs = config.get('OOMNITZA_HTTP_TIMEOUT_MS', { infer: true });
  }

  async check(baseUrl: string, apiToken: string): Promise<AuthTestOutcome> {
    const url = `${baseUrl}/api/v2/mappings?name=AuthTest`;
    let response: Awaited<ReturnType<GuardedFetch>>;
    try {
      // The guarded fetch follows no redirect: the token must not follow one elsewhere.
      response = await this.fetch(url, {
        headers: { Authorization2: apiToken, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { ok: false, problem: describeFetchFailure(url, error, this.timeoutMs) };
    }
    await response.body?.cancel();
    return outcomeOf(response, baseUrl);
  }
}

function outcomeOf(response: { status: number }, baseUrl: string): AuthTestOutcome {
  const { status } = response;
  if (status === 200) {
    return { ok: true };
  }
  if (status === 401 || status === 403) {
    return { ok: false, problem: `Oomnitza rejected the API token (${status})` };
  }
  if (status === 404) {
    return { ok: false, problem: `${baseUrl} has no Oomnitza API (404 for /api/v2/mappings): check the base URL` };
  }
  if (status >= 300 && status < 400) {
    // Where it points is the remote's word, not ours: it is not repeated.
    return {
      ok: false,
      problem: `${baseUrl} answered with a redirect (${status}), which is not followed: use the address Oomnitza is served at`,
    };
  }
  if (status === 429) {
    return { ok: false, problem: 'Oomnitza rate-limited the check (429): try again shortly' };
  }
  return { ok: false, problem: `Oomnitza answered the token check with HTTP ${status}` };
}
