import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { PROBLEM_TYPE_BASE, ReadinessRegistry } from '../src';
import { storeApiKey } from './support/stored-keys';
import { ADMIN_API_KEY, dropSchema, startTestApp, uniqueSchema, useTestEnvironment } from './support/test-app';

describe('health, metrics and API docs', () => {
  const schema = uniqueSchema('operations');
  let app: INestApplication;
  let dependencyError: Error | undefined;

  beforeAll(async () => {
    useTestEnvironment(schema);
    ({ app } = await startTestApp());
    app.get(ReadinessRegistry).register('test-dependency', async () => {
      if (dependencyError) {
        throw dependencyError;
      }
    });
  });

  afterEach(() => {
    dependencyError = undefined;
  });

  afterAll(async () => {
    await app?.close();
    await dropSchema(schema);
  });

  const http = () => request(app.getHttpServer());

  /** The value of one Prometheus sample, whatever the order of its labels; undefined when absent. */
  function sample(text: string, metric: string, labels: Record<string, string>): number | undefined {
    const wanted = Object.entries({ ...labels, service: 'platform-test' }).map(([name, value]) => `${name}="${value}"`);
    const line = text.split('\n').find((candidate) => {
      const match = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(candidate);
      return match?.[1] === metric && wanted.every((pair) => match[2].split(',').includes(pair));
    });
    return line === undefined ? undefined : Number(line.split(' ').pop());
  }

  const keyWith = async (scopes: string[]) => (await storeApiKey(schema, 'ops', scopes)).key;

  it('answers /health/live without a key', async () => {
    const response = await http().get('/health/live').expect(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('answers /health/ready 200 when every check passes, the database one included', async () => {
    const response = await http().get('/health/ready').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: { status: 'ok' }, 'test-dependency': { status: 'ok' } } });
  });

  it('answers /health/ready 200 "degraded", naming the check, while only one that degrades the service fails', async () => {
    app.get(ReadinessRegistry).register('test-optional', async () => Promise.reject(new Error('broker 10.1.2.3 down')), {
      degradesOnly: true,
    });
    try {
      const response = await http().get('/health/ready').expect(200);
      expect(response.body).toEqual({
        status: 'degraded',
        checks: { database: { status: 'ok' }, 'test-dependency': { status: 'ok' }, 'test-optional': { status: 'failed' } },
      });
      expect(response.text).not.toContain('10.1.2.3');
    } finally {
      app.get(ReadinessRegistry).register('test-optional', async () => undefined, { degradesOnly: true });
    }
  });

  it('answers /health/ready 503 problem+json naming the failing check, without its internals', async () => {
    dependencyError = new Error('connect ECONNREFUSED 10.1.2.3:9092');
    const response = await http().get('/health/ready').expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual({
      type: `${PROBLEM_TYPE_BASE}service-unavailable`,
      title: 'Service unavailable',
      status: 503,
      detail: 'Not ready: test-dependency failing.',
      instance: '/health/ready',
      correlationId: expect.any(String),
      checks: { database: { status: 'ok' }, 'test-dependency': { status: 'failed' }, 'test-optional': { status: 'ok' } },
    });
    expect(response.text).not.toContain('10.1.2.3');
  });

  it('serves Prometheus text on /metrics to keys with metrics:read and to the admin key only', async () => {
    await http().get('/health/live').expect(200);
    expect((await http().get('/metrics')).status).toBe(401);
    expect(
      (
        await http()
          .get('/metrics')
          .set('Authorization', `Bearer ${await keyWith(['notes:read'])}`)
      ).status,
    ).toBe(403);
    await http().get('/metrics').set('Authorization', `Bearer ${ADMIN_API_KEY}`).expect(200);

    const response = await http()
      .get('/metrics')
      .set('Authorization', `Bearer ${await keyWith(['metrics:read'])}`)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(
      sample(response.text, 'http_request_duration_seconds_count', { method: 'GET', route: '/health/live', status: '200' }),
    ).toBeGreaterThan(0);
    expect(
      sample(response.text, 'http_request_duration_seconds_count', { method: 'GET', route: '/metrics', status: '401' }),
    ).toBeGreaterThan(0);
    expect(sample(response.text, 'http_auth_refusals_total', { reason: 'missing' })).toBeGreaterThan(0);
    expect(response.text).toContain('process_cpu_seconds_total{service="platform-test"}');
  });

  it('labels requests that match no route as unmatched, not by their path', async () => {
    await http().get('/no-such-page/12345').expect(404);
    const metrics = await http().get('/metrics').set('Authorization', `Bearer ${ADMIN_API_KEY}`).expect(200);
    expect(sample(metrics.text, 'http_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(metrics.text).not.toContain('12345');
  });

  it('counts a request whose client gave up before the answer as aborted', async () => {
    await expect(http().get('/failures/slow').timeout(100)).rejects.toThrow(/timeout/i);
    await new Promise((resolve) => setTimeout(resolve, 600));

    const metrics = await http().get('/metrics').set('Authorization', `Bearer ${ADMIN_API_KEY}`).expect(200);
    const labels = { method: 'GET', route: '/failures/slow', status: 'aborted' };
    expect(sample(metrics.text, 'http_request_duration_seconds_count', labels)).toBe(1);
  });

  it('serves Swagger UI at /docs and an OpenAPI document listing the routes at /docs-json', async () => {
    const ui = await http().get('/docs').expect(200);
    expect(ui.text).toContain('swagger-ui');

    const { body: document } = await http().get('/docs-json').expect(200);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready', '/metrics', '/admin/ping', '/notes', '/notes/{id}']),
    );
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.paths['/health/ready'].get.security).toEqual([{}]);
    expect(document.paths['/health/ready'].get.responses['401']).toBeUndefined();
    expect(Object.keys(document.paths).filter((route) => route.startsWith('/admin/api-keys'))).toEqual([]);
    const createNote = document.paths['/notes'].post;
    expect(createNote.responses['401'].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/ProblemDetailsDto');
    expect(createNote['x-required-scopes']).toEqual(['notes:write']);
    expect(document.paths['/admin/ping'].get['x-admin-only']).toBe(true);
    expect(document.paths['/metrics'].get['x-required-scopes']).toEqual(['metrics:read']);
    expect(document.components.schemas.ProblemDetailsDto.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'correlationId']),
    );
  });
});
