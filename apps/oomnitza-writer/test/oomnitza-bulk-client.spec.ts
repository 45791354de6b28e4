import { ConfigService } from '@nestjs/config';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { OomnitzaApiError } from '../src/oomnitza-api/oomnitza-api.error';
import { OomnitzaBulkClient } from '../src/oomnitza-api/oomnitza-bulk.client';
import { OomnitzaWriterEnvironment } from '../src/oomnitza-writer.environment';
import { RecordedPause } from '@zoom-oomnitza-sync/testing';
import { createGuardedFetch, OutboundAddressPolicy } from '@zoom-oomnitza-sync/outbound-http';

/** The scripted server listens on loopback: allowed here, as OUTBOUND_ALLOWED_ADDRESSES allows it for sandboxes. */
const LOOPBACK_ALLOWED = OutboundAddressPolicy.fromAllowList('127.0.0.0/8');

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** An HTTP server answering the client's requests from a script, in order, and keeping what it was asked. */
class ScriptedServer {
  readonly asked: { method: string; url: string; token: string | undefined }[] = [];
  /** The body of each request, in the order asked (empty when none). */
  readonly bodies: string[] = [];
  private readonly answers: Answer[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((request: IncomingMessage, response) => {
      this.asked.push({
        method: request.method ?? '',
        url: request.url ?? '',
        token: request.headers.authorization2 as string | undefined,
      });
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.bodies.push(Buffer.concat(chunks).toString());
        const answer = this.answers.shift() ?? { status: 500, body: { error: 'no answer scripted' } };
        if (answer.body === undefined) {
          response.writeHead(answer.status, answer.headers).end();
          return;
        }
        response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        response.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  answer(...answers: Answer[]): void {
    this.answers.push(...answers);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe('OomnitzaBulkClient over HTTP: only what Oomnitza documents, retries within bounds', () => {
  const server = new ScriptedServer();
  let access: { baseUrl: string; apiToken: string };

  beforeAll(async () => {
    access = { baseUrl: await server.start(), apiToken: 'oomnitza-token' };
  });

  afterAll(() => server.stop());

  function client(
    settings: Partial<OomnitzaWriterEnvironment> = {},
    policy = LOOPBACK_ALLOWED,
  ): { bulk: OomnitzaBulkClient; pause: RecordedPause } {
    const pause = new RecordedPause();
    const config = new ConfigService<OomnitzaWriterEnvironment, true>({ ...new OomnitzaWriterEnvironment(), ...settings });
    return { bulk: new OomnitzaBulkClient(config, pause, createGuardedFetch(policy)), pause };
  }

  it('reads a portion that answers nothing but {"canceled": false}, and finalizes one whose answer is empty', async () => {
    const { bulk } = client();
    server.answer({ status: 200, body: { canceled: false } }, { status: 200, body: { canceled: true } }, { status: 200, body: {} });

    expect(await bulk.canceled(access, 'portion-1')).toBe(false);
    expect(await bulk.canceled(access, 'portion-1')).toBe(true);
    await bulk.finalize(access, 'portion-1');

    expect(server.asked.slice(-3)).toEqual([
      { method: 'GET', url: '/api/v3/bulk/portion-1', token: 'oomnitza-token' },
      { method: 'GET', url: '/api/v3/bulk/portion-1', token: 'oomnitza-token' },
      { method: 'POST', url: '/api/v3/bulk/portion-1/finalize', token: 'oomnitza-token' },
    ]);
  });

  it('sends, finalizes and renames against an Oomnitza that answers them with no body, as none is documented', async () => {
    const { bulk } = client();
    server.answer({ status: 200, body: undefined }, { status: 200, body: undefined }, { status: 204, body: undefined });

    await bulk.send(access, {
      portion: 'portion-2',
      connectorName: 'zoom:integration-1',
      syncField: 'EMAIL',
      insertOnly: false,
      updateOnly: false,
      records: [{ EMAIL: 'ada@example.com' }],
    });
    await bulk.finalize(access, 'portion-2');
    await bulk.updatePerson(access, '42', { EMAIL: 'ada.king@example.com' });

    expect(server.asked.slice(-3).map(({ method, url }) => `${method} ${url}`)).toEqual([
      'POST /api/v3/bulk',
      'POST /api/v3/bulk/portion-2/finalize',
      'PATCH /api/v3/users/42',
    ]);
  });

  it('answers which SaaS users Oomnitza refused to activate or deactivate (its per-id errors), and takes an answer without any', async () => {
    const { bulk } = client();
    server.answer(
      {
        status: 200,
        body: [
          { saas_user_id: 7, error: null },
          { saas_user_id: 8, error: 'SaaS user 8 not found' },
        ],
      },
      { status: 200, body: undefined },
    );

    expect(await bulk.setSaasUsersActive(access, ['7', '8'], false)).toEqual(new Set(['8']));
    expect(await bulk.setSaasUsersActive(access, ['9'], true)).toEqual(new Set());
    expect(server.asked.slice(-2).map(({ method, url }) => `${method} ${url}`)).toEqual([
      'PATCH /api/v3/saas_users/deactivate',
      'PATCH /api/v3/saas_users/activate',
    ]);
    expect(JSON.parse(server.bodies[server.bodies.length - 2])).toEqual({ saas_user_ids: [7, 8] });
  });

  it('refuses to take a person found without an id for nobody: renaming it would create a second person', async () => {
    const { bulk } = client({ OOMNITZA_MAX_ATTEMPTS: 1 });
    server.answer({ status: 200, body: [{ email: 'ada@example.com' }] });

    await expect(bulk.findPerson(access, 'EMAIL', 'ada@example.com')).rejects.toThrow(/without an id/);
  });

  it("asks the people API which sync values exist, naming Oomnitza's own fields by property", async () => {
    const { bulk } = client();
    server.answer({ status: 200, body: [{ email: 'ann@example.com' }] });

    const existing = await bulk.existing(access, 'EMAIL', ['ann@example.com', 'bob@example.com']);

    expect(existing).toEqual(new Set(['ann@example.com']));
    const url = new URL(server.asked.at(-1)?.url ?? '', access.baseUrl);
    expect(url.pathname).toBe('/api/v3/users');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      filter: 'email IN ["ann@example.com", "bob@example.com"]',
      fields: 'email',
      limit: '1000',
    });
  });

  it('finds a person by the documented people filter and changes only the given fields with PATCH, by property', async () => {
    const { bulk } = client();
    server.answer({ status: 200, body: [{ id: 42 }] }, { status: 200, body: [] }, { status: 200, body: { id: 42 } });

    expect(await bulk.findPerson(access, 'EMAIL', 'ada@example.com')).toBe('42');
    expect(await bulk.findPerson(access, 'zoom_id_7f3a', 'KDcuGIm1QgePTO8WbOqwIQ')).toBeUndefined();
    await bulk.updatePerson(access, '42', { EMAIL: 'ada.king@example.com', USER: 'ada.king@example.com' });

    const [byEmail, byZoomId] = server.asked.slice(-3, -1).map((asked) => new URL(asked.url, access.baseUrl));
    expect(Object.fromEntries(byEmail.searchParams)).toEqual({ filter: 'email eq "ada@example.com"', fields: 'id', limit: '1' });
    expect(byZoomId.searchParams.get('filter')).toBe('zoom_id_7f3a eq "KDcuGIm1QgePTO8WbOqwIQ"');
    expect(server.asked.at(-1)).toEqual({ method: 'PATCH', url: '/api/v3/users/42', token: 'oomnitza-token' });
    expect(JSON.parse(server.bodies.at(-1) ?? '')).toEqual({ email: 'ada.king@example.com', username: 'ada.king@example.com' });
  });

  it('waits as Retry-After says, but never longer than OOMNITZA_RETRY_AFTER_MAX_SECONDS', async () => {
    const { bulk, pause } = client({ OOMNITZA_RETRY_AFTER_MAX_SECONDS: 300 });
    const tooBusy = (retryAfter: string) => ({ status: 429, body: { error: 'slow down' }, headers: { 'retry-after': retryAfter } });
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    server.answer(tooBusy('2'), tooBusy('3600'), tooBusy(inAnHour), { status: 200, body: { canceled: false } });

    expect(await bulk.canceled(access, 'portion-2')).toBe(false);

    expect(pause.requestedMs).toEqual([2_000, 300_000, 300_000]);
  });

  it('says what Oomnitza answered by its status alone: its body never reaches a reason the tenant reads', async () => {
    const { bulk } = client();
    server.answer({ status: 400, body: { error: 'internal detail <script>alert(1)</script>' } });

    await expect(bulk.finalize(access, 'portion-4')).rejects.toEqual(
      new OomnitzaApiError(400, 'Oomnitza answered 400 to POST /api/v3/bulk/portion-4/finalize'),
    );
  });

  it('follows no redirect: the records and the token stay where they were sent', async () => {
    const { bulk } = client();
    server.answer({ status: 307, body: undefined, headers: { location: 'http://127.0.0.1:9/api/v3/bulk' } });
    const asked = server.asked.length;

    await expect(bulk.finalize(access, 'portion-5')).rejects.toEqual(
      new OomnitzaApiError(307, 'Oomnitza answered 307 to POST /api/v3/bulk/portion-5/finalize (a redirect, not followed)'),
    );
    expect(server.asked).toHaveLength(asked + 1);
  });

  it('never calls a base URL on an address the policy refuses, and says so as a refusal no retry mends', async () => {
    const { bulk, pause } = client({}, OutboundAddressPolicy.fromAllowList(''));
    const asked = server.asked.length;

    const refused = await bulk.finalize(access, 'portion-6').catch((error: unknown) => error);

    expect(refused).toMatchObject({ status: 0, addressRefused: true });
    expect((refused as Error).message).toMatch(
      /^could not reach Oomnitza at http:\/\/127\.0\.0\.1:\d+: 127\.0\.0\.1 is not a public address/,
    );
    expect(server.asked).toHaveLength(asked);
    expect(pause.requestedMs).toEqual([]);
  });

  it('gives up after OOMNITZA_MAX_ATTEMPTS, and refuses at once what retrying cannot mend', async () => {
    const { bulk, pause } = client({ OOMNITZA_MAX_ATTEMPTS: 2, OOMNITZA_RETRY_BASE_MS: 100 });
    server.answer(
      { status: 503, body: { error: 'busy' } },
      { status: 503, body: { error: 'busy' } },
      { status: 422, body: { error: 'bad' } },
    );

    await expect(bulk.canceled(access, 'portion-3')).rejects.toEqual(
      new OomnitzaApiError(503, 'Oomnitza answered 503 to GET /api/v3/bulk/portion-3 (after 2 attempts)'),
    );
    await expect(bulk.finalize(access, 'portion-3')).rejects.toEqual(
      new OomnitzaApiError(422, 'Oomnitza answered 422 to POST /api/v3/bulk/portion-3/finalize'),
    );
    expect(pause.requestedMs).toEqual([100]);
  });
});
