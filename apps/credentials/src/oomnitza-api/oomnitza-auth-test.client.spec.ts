import { ConfigService } from '@nestjs/config';
import { REFUSING_URL } from '@zoom-oomnitza-sync/testing';
import { StubHttpServer } from '../../test/support/stub-http-server';
import { OomnitzaAuthTestClient } from './oomnitza-auth-test.client';

const TOKEN = 'oomnitza-api-token-0123456789';
const clientWith = (timeoutMs = 2_000) => new OomnitzaAuthTestClient(new ConfigService({ OOMNITZA_HTTP_TIMEOUT_MS: timeoutMs }));

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

  it('does not follow a redirect with the token, and says where it pointed', async () => {
    const elsewhere = await StubHttpServer.start();
    try {
      oomnitza.answer((_request, response) =>
        response.writeHead(301, { location: `${elsewhere.url}/api/v2/mappings?name=AuthTest` }).end(),
      );
      await expect(clientWith().check(oomnitza.url, TOKEN)).resolves.toEqual({
        ok: false,
        problem: `Oomnitza redirected to ${elsewhere.url}/api/v2/mappings?name=AuthTest (301): use that base URL`,
      });
      expect(elsewhere.requests).toHaveLength(0);
    } finally {
      await elsewhere.stop();
    }
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
