import { ConfigService } from '@nestjs/config';
import { createGuardedFetch, OutboundAddressPolicy } from '@zoom-oomnitza-sync/outbound-http';
import { REFUSING_URL } from '@zoom-oomnitza-sync/testing';
import { StubHttpServer } from '../../test/support/stub-http-server';
import { OomnitzaAuthTestClient } from './oomnitza-auth-test.client';

const TOKEN = 'oomnitza-api-token-0123456789';
/** The stub listens on loopback: allowed here, as OUTBOUND_ALLOWED_ADDRESSES allows it for sandboxes. */
const LOOPBACK_ALLOWED = OutboundAddressPolicy.fromAllowList('127.0.0.0/8');
const clientWith = (timeoutMs = 2_000, policy = LOOPBACK_ALLOWED) =>
  new OomnitzaAuthTestClient(new ConfigService({ OOMNITZA_HTTP_TIMEOUT_MS: timeoutMs }), createGuardedFetch(policy));

describe('OomnitzaAuthTestClient', () => {
  let oomnitza: StubHttpServer;

  beforeAll(async () => {
    oomnitza = await StubHttpServer.start();
  });

  afterAll(() => oomnitza.stop());

  it('calls AuthTest with the token in Authorization2 and accepts a 200', async () => {
    oomnitza.answerJson(200, []);
    await expect(clientWith().check(oomnitza.url, TOKEN)).resolves.toEqual({ ok: true });
    const request = oomnitza.requests.at(-1)!;
    expect(request.method).toBe('GET');
    expect(request.url).toBe('/api/v2/mappings?name=AuthTest');
    expect(request.headers.authorization2).toBe(TOKEN);
  });

  it.each([
    [401, 'Oomnitza rejected the API token (401)'],
    [403, 'Oomnitza rejected the API token (403)'],
    [429, 'Oomnitza rate-limited the check (429): try again shortly'],
    [500, 'Oomnitza answered the token check with HTTP 500'],
  ])('names the problem of a %i', async (status, problem) => {
    oomnitza.answerJson(status, { error: 'x' });
    await expect(clientWith().check(oomnitza.url, TOKEN)).resolves.toEqual({ ok: false, problem });
  });

  it('points at the base URL when it serves no Oomnitza API', async () => {
    oomnitza.answerJson(404, {});
    await expect(clientWith().check(oomnitza.url, TOKEN)).resolves.toEqual({
      ok: false,
      problem: `${oomnitza.url} has no Oomnitza API (404 for /api/v2/mappings): check the base URL`,
    });
  });

  it('does not follow a redirect with the token, nor repeat where it pointed', async () => {
    const elsewhere = await StubHttpServer.start();
    try {
      oomnitza.answer((_request, response) =>
        response.writeHead(301, { location: `${elsewhere.url}/api/v2/mappings?name=AuthTest` }).end(),
      );
      await expect(clientWith().check(oomnitza.url, TOKEN)).resolves.toEqual({
        ok: false,
        problem: `${oomnitza.url} answered with a redirect (301), which is not followed: use the address Oomnitza is served at`,
      });
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.stop();
    }
  });

  it('does not call a base URL on an address calls may not reach, and says why', async () => {
    const before = oomnitza.requests.length;
    await expect(clientWith(2_000, OutboundAddressPolicy.fromAllowList('')).check(oomnitza.url, TOKEN)).resolves.toEqual({
      ok: false,
      problem: `did not call ${oomnitza.url}/api/v2/mappings?name=AuthTest: 127.0.0.1 is not a public address: calls to private, loopback, link-local and similar addresses are refused`,
    });
    expect(oomnitza.requests).toHaveLength(before);
  });

  it('names the URL and the network error when Oomnitza cannot be reached', async () => {
    await expect(clientWith().check(REFUSING_URL, TOKEN)).resolves.toEqual({
      ok: false,
      problem: `could not reach ${REFUSING_URL}/api/v2/mappings?name=AuthTest: ECONNREFUSED`,
    });
  });

  it('gives up after the timeout, saying so', async () => {
    oomnitza.answer(() => undefined);
    await expect(clientWith(200).check(oomnitza.url, TOKEN)).resolves.toEqual({
      ok: false,
      problem: `could not reach ${oomnitza.url}/api/v2/mappings?name=AuthTest: no answer within 200 ms`,
    });
  });
});
