import { createHmac } from 'node:crypto';
import { createZoomSandbox, ZoomSandbox } from '../src';
import { waitFor } from './support/wait-for';
import { hasValidSignature, Responder, WebhookReceiver } from './support/webhook-receiver';
import { adminRequest } from './support/zoom-client';

const SECRET_TOKEN = 'validation-secret';

const correctAnswer: Responder = (request) => {
  if (request.body.event !== 'endpoint.url_validation') {
    return { status: 200 };
  }
  const plainToken = (request.body.payload as { plainToken: string }).plainToken;
  return { status: 200, body: { plainToken, encryptedToken: createHmac('sha256', SECRET_TOKEN).update(plainToken).digest('hex') } };
};

describe('endpoint.url_validation', () => {
  let receiver: WebhookReceiver;
  let sandbox: ZoomSandbox;

  beforeEach(async () => {
    receiver = await WebhookReceiver.start(correctAnswer);
    sandbox = await createZoomSandbox({ users: 10, webhookUrl: receiver.url, webhookSecret: SECRET_TOKEN });
  });

  afterEach(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it('sends a signed challenge on demand and accepts the right answer', async () => {
    const response = await adminRequest(sandbox, 'POST', '/sandbox/webhook/validate');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ validated: true, status: 200, consecutiveFailures: 0, subscriptionEnabled: true });
    const [challenge] = receiver.received;
    expect(challenge.body).toEqual({
      event: 'endpoint.url_validation',
      event_ts: expect.any(Number),
      payload: { plainToken: expect.stringMatching(/^[A-Za-z0-9_-]{16,}$/) },
    });
    expect(hasValidSignature(challenge, SECRET_TOKEN)).toBe(true);
  });

  it.each<[string, Responder, string]>([
    [
      'a wrong encryptedToken',
      (request) => ({
        status: 200,
        body: { plainToken: (request.body.payload as { plainToken: string }).plainToken, encryptedToken: 'abc' },
      }),
      'encryptedToken',
    ],
    ['a different plainToken', () => ({ status: 200, body: { plainToken: 'other', encryptedToken: 'abc' } }), 'plainToken'],
    ['an error status', () => ({ status: 401 }), 'status 401'],
    ['an answer that is not JSON', () => ({ status: 200 }), 'not JSON'],
  ])('rejects %s', async (_case, responder, reason) => {
    receiver.respondWith(responder);
    const result = await sandbox.admin.validateWebhookEndpoint();
    expect(result).toMatchObject({ validated: false, consecutiveFailures: 1, subscriptionEnabled: true });
    expect(result.reason).toContain(reason);
  });

  it('disables the subscription after six failures in a row; events are then not sent; a success re-enables it', async () => {
    receiver.respondWith(() => ({ status: 500 }));
    for (let failure = 1; failure <= 6; failure += 1) {
      expect(await sandbox.admin.validateWebhookEndpoint()).toMatchObject({
        validated: false,
        consecutiveFailures: failure,
        subscriptionEnabled: failure < 6,
      });
    }
    const { delivery } = sandbox.admin.createUser({ email: 'unsent@example.com' });
    expect(delivery.state).toBe('subscription-disabled');

    receiver.respondWith(correctAnswer);
    expect(await sandbox.admin.validateWebhookEndpoint()).toMatchObject({
      validated: true,
      consecutiveFailures: 0,
      subscriptionEnabled: true,
    });
    const { user } = sandbox.admin.createUser({ email: 'sent@example.com' });
    await waitFor(
      () => receiver.events('user.created').find((request) => (request.body.payload.object as { id: string }).id === user.id),
      'the webhook',
    );
    expect(receiver.events('user.created')).toHaveLength(1);
    expect(sandbox.state().accounts[0].urlValidations).toHaveLength(7);
  });

  it('cannot validate without a subscription', async () => {
    sandbox.admin.removeWebhookSubscription();
    expect(await adminRequest(sandbox, 'POST', '/sandbox/webhook/validate')).toMatchObject({ status: 409 });
  });
});
