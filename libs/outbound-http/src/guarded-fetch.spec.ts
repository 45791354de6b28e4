import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { OutboundAddressPolicy } from './address-policy';
import { createGuardedFetch } from './guarded-fetch';
import { OutboundAddressRefused } from './outbound-address-refused';

/** A local HTTP server standing for whatever a tenant's URL leads to, recording what reaches it. */
async function localServer(answer: (request: IncomingMessage) => { status: number; headers?: Record<string, string> }) {
  const received: { url: string; headers: IncomingMessage['headers'] }[] = [];
  const server: Server = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers });
    const { status, headers } = answer(request);
    response.writeHead(status, headers).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('createGuardedFetch: calls to tenant-given URLs', () => {
  const strict = OutboundAddressPolicy.fromAllowList('');
  const loopbackAllowed = OutboundAddressPolicy.fromAllowList('127.0.0.0/8');
  let server: Awaited<ReturnType<typeof localServer>>;
  let target: Awaited<ReturnType<typeof localServer>>;

  beforeAll(async () => {
    target = await localServer(() => ({ status: 200 }));
    server = await localServer(() => ({ status: 302, headers: { location: `http://127.0.0.1:${target.port}/stolen` } }));
  });

  afterAll(async () => {
    await server.close();
    await target.close();
  });

  beforeEach(() => {
    server.received.length = 0;
    target.received.length = 0;
  });

  it('refuses a literal loopback address before sending anything', async () => {
    const refused = await createGuardedFetch(strict)(`http://127.0.0.1:${server.port}/api`).catch((error: unknown) => error);

    expect(refused).toBeInstanceOf(OutboundAddressRefused);
    expect(server.received).toEqual([]);
  });

  it('refuses, when connecting, a name that resolves to a refused address: the lookup it connects with is checked', async () => {
    // As if the name had resolved to a public address when it was saved, and to a private one now.
    const rebound = async () => [{ address: '127.0.0.1', family: 4 }];
    const refused = await createGuardedFetch(
      strict,
      rebound,
    )(`http://oomnitza.example.com:${server.port}/api`).catch((error: unknown) => error);

    // fetch reports a failed connection as "fetch failed", the lookup's refusal as its cause.
    expect((refused as Error).cause).toBeInstanceOf(OutboundAddressRefused);
    expect(((refused as Error).cause as Error).message).toMatch(
      /^oomnitza\.example\.com resolves to 127\.0\.0\.1, which is not a public address/,
    );
    expect(server.received).toEqual([]);
  });

  it('connects to the address its lookup allowed', async () => {
    const resolved = async () => [{ address: '127.0.0.1', family: 4 }];
    const response = await createGuardedFetch(loopbackAllowed, resolved)(`http://oomnitza.example.com:${target.port}/api`);

    expect(response.status).toBe(200);
    expect(target.received).toEqual([expect.objectContaining({ url: '/api' })]);
  });

  it('answers a redirect as it came and never follows it, so the token header stays where it was sent', async () => {
    const response = await createGuardedFetch(loopbackAllowed)(`http://127.0.0.1:${server.port}/api`, {
      headers: { Authorization2: 'tenant-secret-token' },
    });

    expect(response.status).toBe(302);
    expect(server.received).toHaveLength(1);
    expect(target.received).toEqual([]);
  });
});
