import { CredentialsTestBed, RunningCredentials } from './support/credentials-test-bed';

describe('the internal API on a port of its own', () => {
  let bed: CredentialsTestBed;
  let service: RunningCredentials;
  let apiKey: string;
  let oomnitzaId: string;

  beforeAll(async () => {
    bed = await CredentialsTestBed.create('internal_port');
    service = await bed.start();
    apiKey = await bed.issueKey(service, 'acme');
    const created = await service
      .http()
      .post('/oomnitza-credentials')
      .set('Authorization', `Bearer ${apiKey}`)
      .send({ name: 'Acme Oomnitza', baseUrl: 'https://acme.oomnitza.com', apiToken: 'oomnitza-token-0123456789' })
      .expect(201);
    oomnitzaId = created.body.id;
  });

  afterAll(async () => {
    await bed?.destroy();
  });

  const tokenPath = () => `/internal/oomnitza-credentials/${oomnitzaId}/token`;
  const asWriter = <T extends { set(name: string, value: string): T }>(call: T) =>
    call.set('Authorization', `Bearer ${bed.serviceTokens['oomnitza-writer']}`).set('X-Tenant-Id', 'acme');

  it('hands secrets out on the internal port', async () => {
    const response = await asWriter(service.internalHttp().get(tokenPath())).expect(200);
    expect(response.body).toEqual({ apiToken: 'oomnitza-token-0123456789', baseUrl: 'https://acme.oomnitza.com' });
  });

  it('answers /internal on the public port as a route that does not exist, even with a valid service token', async () => {
    const internal = await asWriter(service.http().get(tokenPath()));
    const unknown = await service.http().get('/no-such-route');
    expect(internal.status).toBe(404);
    expect(internal.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(internal.text).not.toContain('oomnitza-token');
    expect({ ...internal.body, detail: undefined, instance: undefined, correlationId: undefined }).toEqual({
      ...unknown.body,
      detail: undefined,
      instance: undefined,
      correlationId: undefined,
    });
    expect(internal.body.detail).toBe(`Cannot GET ${tokenPath()}`);
  });

  it('serves no public route on the internal port, and health on both', async () => {
    expect((await service.internalHttp().get('/zoom-credentials').set('Authorization', `Bearer ${apiKey}`)).status).toBe(404);
    expect((await service.internalHttp().post('/admin/api-keys').set('Authorization', `Bearer ${bed.adminKey}`).send({})).status).toBe(404);
    expect((await service.internalHttp().get('/metrics').set('Authorization', `Bearer ${bed.adminKey}`)).status).toBe(404);
    await service.internalHttp().get('/health/ready').expect(200);
    await service.http().get('/health/ready').expect(200);
    await service.http().get('/zoom-credentials').set('Authorization', `Bearer ${apiKey}`).expect(200);
  });
});
