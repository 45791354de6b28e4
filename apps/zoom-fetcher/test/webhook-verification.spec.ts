import { createHmac, randomBytes } from 'node:crypto';
import { WebhookTraffic } from '../src/webhook-traffic/webhook-traffic';
import { Delivery, TestEndpoint, WebhookTestBed, zoomSignatureOf } from './support/webhook-test-bed';
import { userEvent } from './support/zoom-events';

type Response = { status: number; headers: Record<string, string>; body: unknown; text: string };

const NON_ASCII = { first_name: 'Zoë', last_name: 'Ångström-李', display_name: 'Zoë 🦊 Ångström' };

describe('Zoom webhooks: verification of every delivery', () => {
  let bed: WebhookTestBed;
  let endpoint: TestEndpoint;
  const secrets: string[] = [];

  beforeAll(async () => {
    bed = await WebhookTestBed.start('webhook_verification');
  });

  beforeEach(async () => {
    await bed.clear();
    endpoint = bed.endpoint();
    secrets.push(endpoint.webhookSecretToken);
    await bed.integration(endpoint.zoomCredentialId, 'active');
  });

  afterAll(() => bed?.close());

  afterEach(() => {
    for (const secret of secrets) {
      expect(bed.logs.text).not.toContain(secret);
    }
  });

  const deactivated = (object: Record<string, unknown> = {}) =>
    userEvent('user.deactivated', endpoint.accountId, {
      id: 'active-1',
      email: 'active-1@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      type: 1,
      ...object,
    });

  it('takes in a delivery signed with the endpoint secret token over the bytes as sent, and answers 200 with no body', async () => {
    const accepted = await bed.counting('zoom_webhook_deliveries_total', { outcome: 'accepted' });

    const response = await bed.deliver(endpoint, deactivated());

    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(await bed.stored()).toEqual({ events: 1, reads: 0, outbox: 1 });
    expect(await accepted()).toBe(1);
  });

  it('tells the full sync that webhooks arrive for each verified delivery, not for a refused one', async () => {
    const delivered = jest.spyOn(bed.service(WebhookTraffic), 'delivered');

    expect((await bed.deliver(endpoint, deactivated(), { signature: `v0=${'0'.repeat(64)}` })).status).toBe(401);
    expect(delivered).not.toHaveBeenCalled();
    expect((await bed.deliver(endpoint, deactivated())).status).toBe(200);
    expect(delivered).toHaveBeenCalledTimes(1);
    delivered.mockRestore();
  });

  it('verifies non-ASCII names on the raw UTF-8 bytes and hands them on exactly as Zoom wrote them', async () => {
    // Zoom's JSON may escape characters or not: the signature covers whichever bytes it sent.
    const escaped = JSON.stringify(deactivated({ last_name: 'Ångström-李' })).replace('Å', '\\u00c5');

    expect((await bed.deliver(endpoint, deactivated(NON_ASCII))).status).toBe(200);
    expect((await bed.deliver(endpoint, escaped.replace('"active-1"', '"active-2"'))).status).toBe(200);

    const [plain, unescaped] = await bed.published();
    expect(plain.payload.user).toMatchObject(NON_ASCII);
    expect(unescaped.payload.user).toMatchObject({ id: 'active-2', last_name: 'Ångström-李' });
  });

  const refusals: Array<[string, () => [string | object, Delivery]]> = [
    ['a forged signature', () => [deactivated(), { signature: `v0=${randomBytes(32).toString('hex')}` }]],
    ['a signature made with another secret token', () => [deactivated(), { secret: randomBytes(16).toString('hex') }]],
    [
      'a body re-serialized after signing (same JSON, other bytes)',
      () => [deactivated(), { sentBody: JSON.stringify(deactivated(), null, 2) }],
    ],
    [
      'non-ASCII names re-encoded after signing',
      () => {
        const body = JSON.stringify(deactivated(NON_ASCII));
        return [body, { sentBody: body.replace('ë', '\\u00eb') }];
      },
    ],
    ['a signature in another format', () => [deactivated(), { signature: createHmac('sha1', endpoint.webhookSecretToken).digest('hex') }]],
    [
      'a timestamp changed after signing',
      () => {
        const body = JSON.stringify(deactivated());
        const signedAt = Math.floor(Date.now() / 1000);
        return [body, { timestamp: signedAt + 1, signature: zoomSignatureOf(endpoint.webhookSecretToken, signedAt, body) }];
      },
    ],
  ];

  it.each(refusals)('refuses %s with 401 problem+json, stores nothing and counts it as bad_signature', async (_case, delivery) => {
    const [body, options] = delivery();

    await expectRefused(() => bed.deliver(endpoint, body, options), 'bad_signature');
  });

  it.each([
    ['signed 5 minutes 10 seconds ago', -310, 'stale_timestamp'],
    ['signed 45 seconds in the future', 45, 'future_timestamp'],
  ])('refuses a delivery %s (replayed or from a bad clock)', async (_case, offsetSeconds, reason) => {
    await expectRefused(() => bed.deliver(endpoint, deactivated(), { timestamp: Math.floor(Date.now() / 1000) + offsetSeconds }), reason);
  });

  it('accepts a delivery signed 4 minutes 50 seconds ago, or 20 seconds ahead of this clock', async () => {
    const now = Math.floor(Date.now() / 1000);

    expect((await bed.deliver(endpoint, deactivated(), { timestamp: now - 290 })).status).toBe(200);
    expect((await bed.deliver(endpoint, deactivated({ id: 'active-2' }), { timestamp: now + 20 })).status).toBe(200);
  });

  it.each([
    ['without x-zm-signature', { without: ['x-zm-signature'] }, 'missing_headers'],
    ['without x-zm-request-timestamp', { without: ['x-zm-request-timestamp'] }, 'missing_headers'],
    ['with a timestamp that is not epoch seconds', { timestamp: 'yesterday' as unknown as number }, 'invalid_timestamp'],
  ] as Array<[string, Delivery, string]>)('refuses a delivery %s', async (_case, options, reason) => {
    await expectRefused(() => bed.deliver(endpoint, deactivated(), options), reason);
  });

  it('refuses a delivery to an endpoint no credential has, or to a malformed one, without verifying anything', async () => {
    const unknown = { endpointId: randomBytes(32).toString('base64url'), webhookSecretToken: endpoint.webhookSecretToken };
    const malformed = { endpointId: 'not-an-endpoint', webhookSecretToken: endpoint.webhookSecretToken };

    await expectRefused(() => bed.deliver(unknown, deactivated()), 'unknown_endpoint');
    await expectRefused(() => bed.deliver(malformed, deactivated()), 'unknown_endpoint');
  });

  it.each([
    ['not JSON', 'event=user.deactivated'],
    ['a JSON array', '[]'],
    ['an event without a name', '{"event":42,"payload":{}}'],
    ['a user event without its account', '{"event":"user.deactivated","event_ts":1,"payload":{"object":{"id":"u1"}}}'],
    ['a user event naming nobody', '{"event":"user.deactivated","event_ts":1,"payload":{"account_id":"a","object":{"first_name":"X"}}}'],
    [
      'a user event with a numeric id',
      '{"event":"user.deleted","event_ts":1,"payload":{"account_id":"a","object":{"id":7,"email":"x@y.z"}}}',
    ],
  ])('answers a correctly signed body that is %s with 400 problem+json and stores nothing', async (_case, body) => {
    const malformed = await bed.counting('zoom_webhook_deliveries_total', { outcome: 'refused', reason: 'malformed_body' });

    const response = await bed.deliver(endpoint, body);

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'https://zoom-oomnitza-sync.dev/problems/malformed-webhook', status: 400 });
    expect(await bed.stored()).toEqual({ events: 0, reads: 0, outbox: 0 });
    expect(await malformed()).toBe(1);
  });

  it("answers endpoint.url_validation with the plain token and its HMAC under the endpoint's secret token", async () => {
    const plainToken = randomBytes(16).toString('base64url');
    const challenge = { payload: { plainToken }, event_ts: Date.now(), event: 'endpoint.url_validation' };
    const validations = await bed.counting('zoom_webhook_deliveries_total', { outcome: 'url_validation' });

    const response = await bed.deliver(endpoint, challenge);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      plainToken,
      encryptedToken: createHmac('sha256', endpoint.webhookSecretToken).update(plainToken).digest('hex'),
    });
    expect(await bed.stored()).toEqual({ events: 0, reads: 0, outbox: 0 });
    expect(await validations()).toBe(1);
  });

  it('verifies a url_validation challenge like any event: a forged one gets no token pair', async () => {
    const challenge = { payload: { plainToken: 'probe' }, event_ts: Date.now(), event: 'endpoint.url_validation' };

    const response = await expectRefused(() => bed.deliver(endpoint, challenge, { secret: 'guessed-secret-token' }), 'bad_signature');

    expect(response.text).not.toContain('encryptedToken');
  });

  it('answers 503 problem+json when the credentials service cannot say whose endpoint it is (Zoom retries 5xx)', async () => {
    bed.credentials.unavailable = true;

    const response = await bed.deliver(endpoint, deactivated());

    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await bed.stored()).toEqual({ events: 0, reads: 0, outbox: 0 });
  });

  /** 401 problem+json, nothing stored, and the refusal counted once under its reason. */
  async function expectRefused(deliver: () => PromiseLike<Response>, reason: string): Promise<Response> {
    const refusals = await bed.counting('zoom_webhook_deliveries_total', { outcome: 'refused', reason });
    const response = await deliver();
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'https://zoom-oomnitza-sync.dev/problems/webhook-refused', status: 401 });
    expect(await bed.stored()).toEqual({ events: 0, reads: 0, outbox: 0 });
    expect(await refusals()).toBe(1);
    return response;
  }
});
