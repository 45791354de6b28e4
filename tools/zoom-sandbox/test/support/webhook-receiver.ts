import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: Record<string, unknown> & { event: string; event_ts: number; payload: Record<string, unknown> };
}

/** How the receiver answers the n-th request (0-based): a status, a JSON body, or no answer at all. */
export type Responder = (request: ReceivedWebhook, index: number) => { status: number; body?: unknown } | 'hang';

/**
 * A real webhook endpoint on 127.0.0.1 that records what arrives. Signature checks here are
 * written independently of the sandbox's own signing code.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly hanging: ServerResponse[] = [];
  private server: Server | undefined;
  private responder: Responder = () => ({ status: 200 });

  static async start(responder?: Responder): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    if (responder) {
      receiver.respondWith(responder);
    }
    await receiver.listen();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/zoom/webhook`;
  }

  respondWith(responder: Responder): void {
    this.responder = responder;
  }

  events(name?: string): ReceivedWebhook[] {
    return this.received.filter((request) => name === undefined || request.body.event === name);
  }

  async close(): Promise<void> {
    for (const response of this.hanging) {
      response.destroy();
    }
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  private listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const request: ReceivedWebhook = { headers: req.headers, rawBody, body: JSON.parse(rawBody) };
        const index = this.received.push(request) - 1;
        const answer = this.responder(request, index);
        if (answer === 'hang') {
          this.hanging.push(res);
          return;
        }
        const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
        res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      });
    });
    return new Promise((resolve) => this.server?.listen(0, '127.0.0.1', () => resolve()));
  }
}

/** Zoom's rule: v0= + hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body). */
export function hasValidSignature(request: ReceivedWebhook, secretToken: string): boolean {
  const timestamp = request.headers['x-zm-request-timestamp'];
  const expected = `v0=${createHmac('sha256', secretToken).update(`v0:${timestamp}:${request.rawBody}`).digest('hex')}`;
  return typeof timestamp === 'string' && /^\d+$/.test(timestamp) && request.headers['x-zm-signature'] === expected;
}
