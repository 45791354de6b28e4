import { createZoomSandbox, DeliveryView, ZoomSandbox } from '../src';
import { waitFor } from './support/wait-for';
import { hasValidSignature, ReceivedWebhook, WebhookReceiver } from './support/webhook-receiver';

const SECRET_TOKEN = 'delivery-secret';
/** 5, 20 and 60 minutes divided by the time factor. */
const COMPRESSED_SCHEDULE = [30, 120, 360];

describe('webhook delivery follows Zoom’s rules', () => {
  let receiver: WebhookReceiver;
  let sandbox: ZoomSandbox;

  const emailOf = (request: ReceivedWebhook): string => (request.body.payload.object as { email: string }).email;
  const requestsFor = (email: string): ReceivedWebhook[] => receiver.received.filter((request) => emailOf(request) === email);

  beforeAll(async () => {
    receiver = await WebhookReceiver.start((request) => {
      const email = emailOf(request);
      const earlier = requestsFor(email).length - 1;
      if (email.startsWith('flaky')) {
        return earlier < 2 ? { status: 503 } : { status: 200 };
      }
      if (email.startsWith('down')) {
        return { status: 500 };
      }
      if (email.startsWith('refused')) {
        return { status: 400 };
      }
      if (email.startsWith('slow')) {
        return earlier === 0 ? 'hang' : { status: 204 };
      }
      return { status: 200 };
    });
    sandbox = await createZoomSandbox({
      users: 10,
      webhookUrl: receiver.url,
      webhookSecret: SECRET_TOKEN,
      webhookTimeFactor: 10_000,
      webhookTimeoutMs: 2000,
    });
  });

  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  async function settled(deliveryId: number, states: string[] = ['delivered', 'failed']): Promise<DeliveryView> {
    return waitFor(
      () =>
        sandbox
          .state({ users: false })
          .accounts[0].deliveries?.find((delivery) => delivery.id === deliveryId && states.includes(delivery.state)),
      `delivery ${deliveryId}`,
    );
  }

  it('retries a 5xx on the compressed schedule until a 2xx, resending the same body, signed afresh', async () => {
    const { delivery } = sandbox.admin.createUser({ email: 'flaky@example.com' });
    const result = await settled(delivery.id);
    expect(result.state).toBe('delivered');
    expect(result.attempts.map(({ attempt, outcome, status, nextAttemptInMs }) => ({ attempt, outcome, status, nextAttemptInMs }))).toEqual(
      [
        { attempt: 1, outcome: 'http-error', status: 503, nextAttemptInMs: COMPRESSED_SCHEDULE[0] },
        { attempt: 2, outcome: 'http-error', status: 503, nextAttemptInMs: COMPRESSED_SCHEDULE[1] },
        { attempt: 3, outcome: 'delivered', status: 200, nextAttemptInMs: undefined },
      ],
    );
    const requests = requestsFor('flaky@example.com');
    expect(requests).toHaveLength(3);
    expect(new Set(requests.map((request) => request.rawBody)).size).toBe(1);
    expect(requests.every((request) => hasValidSignature(request, SECRET_TOKEN))).toBe(true);
  });

  it('gives up after three retries', async () => {
    const { delivery } = sandbox.admin.createUser({ email: 'down@example.com' });
    const result = await settled(delivery.id);
    expect(result.state).toBe('failed');
    expect(result.attempts.map((attempt) => attempt.nextAttemptInMs)).toEqual([...COMPRESSED_SCHEDULE, undefined]);
    expect(requestsFor('down@example.com')).toHaveLength(4);
  });

  it('never retries a 4xx', async () => {
    const { delivery } = sandbox.admin.createUser({ email: 'refused@example.com' });
    const result = await settled(delivery.id);
    expect(result.state).toBe('failed');
    expect(result.attempts).toEqual([expect.objectContaining({ attempt: 1, outcome: 'http-error', status: 400 })]);
    expect(result.attempts[0].nextAttemptInMs).toBeUndefined();
    expect(requestsFor('refused@example.com')).toHaveLength(1);
  });

  it('retries when the endpoint does not answer within the timeout', async () => {
    const { delivery } = sandbox.admin.createUser({ email: 'slow@example.com' });
    const result = await settled(delivery.id);
    expect(result.state).toBe('delivered');
    expect(result.attempts.map(({ outcome, status }) => ({ outcome, status }))).toEqual([
      { outcome: 'timeout', status: undefined },
      { outcome: 'delivered', status: 204 },
    ]);
  });

  it('retries network failures', async () => {
    const unreachable = await createZoomSandbox({
      users: 10,
      webhookUrl: 'http://127.0.0.1:1/closed',
      webhookSecret: SECRET_TOKEN,
      webhookTimeFactor: 10_000,
      webhookTimeoutMs: 2000,
    });
    try {
      const { delivery } = unreachable.admin.createUser({ email: 'nobody-home@example.com' });
      const result = await waitFor(
        () => unreachable.state().accounts[0].deliveries?.find((each) => each.id === delivery.id && each.state === 'failed'),
        'the failed delivery',
      );
      expect(result.attempts.map((attempt) => attempt.outcome)).toEqual([
        'network-error',
        'network-error',
        'network-error',
        'network-error',
      ]);
    } finally {
      await unreachable.close();
    }
  });

  it('waits 5, 20 and 60 minutes between attempts when time is not compressed', async () => {
    const realTime = await createZoomSandbox({ users: 10, webhookUrl: receiver.url, webhookSecret: SECRET_TOKEN });
    try {
      const { delivery } = realTime.admin.createUser({ email: 'down-for-an-hour@example.com' });
      const first = await waitFor(
        () => realTime.state().accounts[0].deliveries?.find((each) => each.id === delivery.id && each.attempts.length === 1),
        'the first attempt',
      );
      expect(first.attempts[0]).toMatchObject({ outcome: 'http-error', status: 500, nextAttemptInMs: 5 * 60_000 });
      expect(first.state).toBe('pending');
    } finally {
      await realTime.close();
    }
  });
});
