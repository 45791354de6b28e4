import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CredentialsEnvironment } from '../credentials.environment';
import { describeFetchFailure } from '../outbound-http/describe-fetch-failure';

export type AuthTestOutcome = { ok: true } | { ok: false; problem: string };

/** Oomnitza's own token check, as its connector does it: GET /api/v2/mappings?name=AuthTest. */
@Injectable()
export class OomnitzaAuthTestClient {
  private readonly timeoutMs: number;

  constructor(config: ConfigService<CredentialsEnvironment, true>) {
    this.timeoutMs = config.get('OOMNITZA_HTTP_TIMEOUT_MS', { infer: true });
  }

  async check(baseUrl: string, apiToken: string): Promise<AuthTestOutcome> {
    const url = `${baseUrl}/api/v2/mappings?name=AuthTest`;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization2: apiToken, accept: 'application/json' },
        // fetch forwards custom headers across redirects: the token must not follow one elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      return { ok: false, problem: describeFetchFailure(url, error, this.timeoutMs) };
    }
    await response.body?.cancel();
    return outcomeOf(response, baseUrl);
  }
}

function outcomeOf(response: Response, baseUrl: string): AuthTestOutcome {
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
    const location = response.headers.get('location');
    return { ok: false, problem: `Oomnitza redirected to ${location?.slice(0, 200) ?? 'another address'} (${status}): use that base URL` };
  }
  if (status === 429) {
    return { ok: false, problem: 'Oomnitza rate-limited the check (429): try again shortly' };
  }
  return { ok: false, problem: `Oomnitza answered the token check with HTTP ${status}` };
}
