import { ConfigService } from '@nestjs/config';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { CredentialsClient, CredentialsClientEnvironment } from '../../src';

export const SERVICE_TOKEN = 's'.repeat(40);

/** The credentials service's internal route as the test scripts it, recording each request. */
export class FakeCredentialsService {
  readonly requests: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];
  answer: (url: string) => { status: number; body: unknown } = () => ({ status: 500, body: {} });
  private readonly server: Server = createServer((request, response) => {
    this.requests.push({ method: request.method ?? 'GET', url: request.url ?? '', headers: request.headers });
    const { status, body } = this.answer(request.url ?? '');
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * For one test file: a fake credentials service started before its tests (its requests forgotten
 * before each) and stopped after them, and a client that asks it.
 */
export function fakeCredentialsServiceAndClient(): { credentials: FakeCredentialsService; client: () => CredentialsClient } {
  const credentials = new FakeCredentialsService();
  let client: CredentialsClient;
  beforeAll(async () => {
    const url = await credentials.start();
    client = new CredentialsClient(
      new ConfigService({ ...new CredentialsClientEnvironment(), CREDENTIALS_URL: url, CREDENTIALS_SERVICE_TOKEN: SERVICE_TOKEN }),
    );
  });
  beforeEach(() => {
    credentials.requests.length = 0;
  });
  afterAll(() => credentials.stop());
  return { credentials, client: () => client };
}
