import { ConfigService } from '@nestjs/config';
import { REFUSING_URL } from '@zoom-oomnitza-sync/testing';
import { StubHttpServer } from '../../test/support/stub-http-server';
import { SystemClock } from '../common/clock';
import { ZoomOAuthClient } from './zoom-oauth.client';
import { ZoomTokenError } from './zoom-token-error';

const CREDENTIALS = { accountId: 'acct_123-A', clientId: 'client-abc', clientSecret: 'secret:with/odd+chars' };

const clientFor = (oauthUrl: string, timeoutMs = 2_000) =>
  new ZoomOAuthClient(new ConfigService({ ZOOM_OAUTH_URL: oauthUrl, ZOOM_HTTP_TIMEOUT_MS: timeoutMs }), new SystemClock());

async function refusal(client: ZoomOAuthClient): Promise<ZoomTokenError> {
  const error = await client.mint(CREDENTIALS).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ZoomTokenError);
  return error as ZoomTokenError;
}

describe('ZoomOAuthClient', () => {
  let zoom: StubHttpServer;

  beforeAll(async () => {
    zoom = await StubHttpServer.start();
  });

  afterAll(() => zoom.stop());

  it('asks for an account_credentials token with Basic auth and a form body, and reads the answer', async () => {
    zoom.answerJson(200, {
      access_token: 'eyJ.token',
      token_type: 'bearer',
      expires_in: 3599,
      scope: 'user:read:list_users:admin  user:read:user:admin',
      api_url: 'https://api.zoom.us',
    });
    const before = Date.now();
    const token = await clientFor(zoom.url).mint(CREDENTIALS);

    const request = zoom.requests.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/oauth/token');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('client-abc:secret:with/odd+chars').toString('base64')}`);
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ grant_type: 'account_credentials', account_id: 'acct_123-A' });
    expect(token.accessToken).toBe('eyJ.token');
    expect(token.scopes).toEqual(['user:read:list_users:admin', 'user:read:user:admin']);
    expect(token.expiresAt - token.mintedAt).toBe(3_599_000);
    expect(token.mintedAt).toBeGreaterThanOrEqual(before);
  });

  it.each([
    [4702, 'Zoom rejected the client id (4702)'],
    [4704, 'Zoom rejected the client secret (4704)'],
    [4705, 'Zoom rejected the grant: check the account id, and that the app is a Server-to-Server OAuth app (4705)'],
    [4706, 'Zoom received no client id or client secret (4706)'],
    [4717, 'the Zoom app is disabled (4717)'],
  ])('names Zoom error code %i exactly, as a problem retrying will not fix', async (code, problem) => {
    zoom.answerJson(400, { code, reason: 'some reason', error: 'invalid_client' });
    const error = await refusal(clientFor(zoom.url));
    expect(error.problem).toBe(problem);
    expect(error.retryable).toBe(false);
  });

  it("tells from Zoom's words what is wrong when the body has no code", async () => {
    zoom.answerJson(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' });
    expect((await refusal(clientFor(zoom.url))).problem).toBe(
      'Zoom rejected the client id or client secret (invalid_client: Invalid client_id or client_secret)',
    );
    zoom.answerJson(401, { reason: 'The app has been disabled', error: 'invalid_client' });
    expect((await refusal(clientFor(zoom.url))).problem).toBe('the Zoom app is disabled (invalid_client: The app has been disabled)');
    zoom.answerJson(400, { reason: 'Invalid account_id', error: 'invalid_request' });
    expect((await refusal(clientFor(zoom.url))).problem).toBe('Zoom rejected the account id (invalid_request: Invalid account_id)');
    zoom.answerJson(400, { reason: 'Unsupported grant type', error: 'unsupported_grant_type' });
    expect((await refusal(clientFor(zoom.url))).problem).toBe(
      'Zoom refused the token request (unsupported_grant_type: Unsupported grant type, HTTP 400)',
    );
    zoom.answerJson(403, { code: 9999 });
    expect((await refusal(clientFor(zoom.url))).problem).toBe('Zoom refused the token request (code 9999)');
    zoom.answer((_request, response) => response.writeHead(400).end('not json'));
    expect((await refusal(clientFor(zoom.url))).problem).toBe('Zoom refused the token request (HTTP 400)');
  });

  it('treats rate limits and server errors as worth retrying', async () => {
    zoom.answerJson(429, { code: 429, message: 'Too many requests' });
    expect(await refusal(clientFor(zoom.url))).toMatchObject({ problem: 'Zoom rate-limited the token request (429)', retryable: true });
    zoom.answer((_request, response) => response.writeHead(503).end('<html>busy</html>'));
    expect(await refusal(clientFor(zoom.url))).toMatchObject({
      problem: 'Zoom failed to answer the token request (HTTP 503)',
      retryable: true,
    });
  });

  it('refuses a 200 without an access token', async () => {
    zoom.answerJson(200, { token_type: 'bearer' });
    expect((await refusal(clientFor(zoom.url))).problem).toMatch(/without an access_token/);
  });

  it('does not follow a redirect, which would carry the client secret elsewhere', async () => {
    const elsewhere = await StubHttpServer.start();
    try {
      zoom.answer((_request, response) => response.writeHead(307, { location: `${elsewhere.url}/oauth/token` }).end());
      expect((await refusal(clientFor(zoom.url))).problem).toBe('Zoom redirected the token request (HTTP 307): check ZOOM_OAUTH_URL');
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.stop();
    }
  });

  it('names the URL and the network error when Zoom cannot be reached', async () => {
    expect(await refusal(clientFor(REFUSING_URL))).toMatchObject({
      problem: `could not reach ${REFUSING_URL}/oauth/token: ECONNREFUSED`,
      retryable: true,
    });
  });

  it('gives up after the timeout, saying so', async () => {
    zoom.answer(() => undefined);
    expect((await refusal(clientFor(zoom.url, 200))).problem).toBe(`could not reach ${zoom.url}/oauth/token: no answer within 200 ms`);
  });
});
