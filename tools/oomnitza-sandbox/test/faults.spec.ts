import { randomUUID } from 'node:crypto';
import { waitFor } from '@zoom-oomnitza-sync/testing';
import { personRecord, SandboxClient, startSandbox } from './support/sandbox-client';

interface FaultSnapshot {
  injected: { rateLimited: number; serverErrors: number };
  held: { latency: number; finalize: number };
  rateLimit?: { next?: number };
}

describe('fault injection', () => {
  let client: SandboxClient;

  beforeAll(async () => {
    client = await startSandbox();
  });

  beforeEach(async () => {
    await client.admin('POST', '/sandbox/reset');
  });

  afterAll(async () => {
    await client.close();
  });

  async function faults(): Promise<FaultSnapshot> {
    return (await client.admin<FaultSnapshot>('GET', '/sandbox/faults')).body;
  }

  async function setFaults(settings: object): Promise<void> {
    expect((await client.admin('PUT', '/sandbox/faults', settings)).status).toBe(200);
  }

  /** Starts a request and reports whether it has answered yet. */
  function track<T>(request: Promise<T>): { settled: () => boolean; response: Promise<T> } {
    let settled = false;
    const response = request.finally(() => {
      settled = true;
    });
    return { settled: () => settled, response };
  }

  it('answers the next N API requests 429 with Retry-After, then serves again', async () => {
    await setFaults({ rateLimit: { next: 2, retryAfterSeconds: 7 } });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const limited = await client.api('GET', '/api/v3/users');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
      expect(limited.body).toEqual({ error: 'Too many requests' });
    }
    expect((await client.api('GET', '/api/v3/users')).status).toBe(200);
    expect(await faults()).toMatchObject({ rateLimit: { next: 0 }, injected: { rateLimited: 2, serverErrors: 0 } });
  });

  it('rate-limits a share of the requests under a path prefix only, and a limited bulk request changes nothing', async () => {
    await setFaults({ rateLimit: { ratio: 1, pathPrefix: '/api/v3/bulk' } });
    const limited = await client.bulk([personRecord('ann')]);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    const people = await client.api('GET', '/api/v3/users');
    expect(people.status).toBe(200);
    expect(people.body).toEqual([]);
    await setFaults({ rateLimit: { ratio: 0 } });
    expect((await client.bulk([personRecord('ann')])).status).toBe(200);
  });

  it('answers a burst of the configured 5xx, then serves again', async () => {
    await setFaults({ serverErrors: { next: 3, status: 503 } });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await client.api('GET', '/api/v2/mappings?name=AuthTest')).status);
    }
    expect(statuses).toEqual([503, 503, 503, 200]);
    expect((await faults()).injected).toEqual({ rateLimited: 0, serverErrors: 3 });
  });

  it('answers 500 to a share of requests until the faults are cleared', async () => {
    await setFaults({ serverErrors: { ratio: 1 } });
    const failed = await client.bulk([personRecord('ann')]);
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ error: 'Injected server error' });
    expect((await client.admin('DELETE', '/sandbox/faults')).status).toBe(204);
    expect((await client.bulk([personRecord('ann')])).status).toBe(200);
  });

  it('never applies faults to the admin API', async () => {
    await setFaults({ rateLimit: { ratio: 1 }, serverErrors: { ratio: 1 }, latency: { fixedMs: 60_000 } });
    expect((await client.admin('GET', '/sandbox/state/summary')).status).toBe(200);
    expect((await client.admin('POST', '/sandbox/reset')).status).toBe(204);
  });

  it('holds API requests for the configured latency; new settings let held requests go', async () => {
    await setFaults({ latency: { fixedMs: 60_000, jitterMs: 1000 } });
    const request = track(client.api('GET', '/api/v2/mappings?name=AuthTest'));
    await waitFor(async () => (await faults()).held.latency === 1, { description: 'the request to be held' });
    expect(request.settled()).toBe(false);
    await client.admin('DELETE', '/sandbox/faults');
    expect((await request.response).status).toBe(200);
    expect((await faults()).held).toEqual({ latency: 0, finalize: 0 });
  });

  it('holds finalize answers back: the run is not finalized until the held finalize goes on', async () => {
    const portion = randomUUID();
    await client.bulk([personRecord('ann')], { portion });
    await setFaults({ slowFinalize: { delayMs: 60_000 } });
    const finalize = track(client.api<{ status: string }>('POST', `/api/v3/bulk/${portion}/finalize`, {}));
    await waitFor(async () => (await faults()).held.finalize === 1, { description: 'the finalize to be held' });
    expect(finalize.settled()).toBe(false);
    expect((await client.api('GET', `/api/v3/bulk/${portion}`)).body).toMatchObject({ finalized: false, status: 'In progress' });
    await setFaults({});
    expect(await finalize.response).toMatchObject({ status: 200, body: { status: 'Completed', finalized: true } });
  });

  it('serves normally under a small latency with jitter', async () => {
    await setFaults({ latency: { fixedMs: 1, jitterMs: 2 } });
    const responses = await Promise.all([
      client.bulk([personRecord('ann')]),
      client.api('GET', '/api/v3/users'),
      client.api('GET', '/api/v2/mappings'),
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
  });

  it('rejects fault settings it does not know or that are out of range', async () => {
    for (const settings of [
      { latency: { fixedMs: -1 } },
      { rateLimit: { ratio: 2 } },
      { serverErrors: { status: 404 } },
      { chaos: true },
    ]) {
      expect((await client.admin('PUT', '/sandbox/faults', settings)).status).toBe(400);
    }
  });

  it('takes its initial faults from its options, and returns to them on reset', async () => {
    const faulty = await startSandbox({ faults: { serverErrors: { next: 1, status: 502 } } });
    try {
      expect((await faulty.api('GET', '/api/v3/users')).status).toBe(502);
      expect((await faulty.api('GET', '/api/v3/users')).status).toBe(200);
      await faulty.admin('POST', '/sandbox/reset');
      expect((await faulty.api('GET', '/api/v3/users')).status).toBe(502);
    } finally {
      await faulty.close();
    }
  });

  it('ends held requests when the sandbox closes', async () => {
    const closing = await startSandbox({ faults: { latency: { fixedMs: 60_000 } } });
    const request = closing.api('GET', '/api/v3/users').then(
      (response) => response.status,
      () => 'connection closed',
    );
    await waitFor(async () => (await closing.admin<FaultSnapshot>('GET', '/sandbox/faults')).body.held.latency === 1);
    await closing.close();
    expect([503, 'connection closed']).toContain(await request);
  });
});
