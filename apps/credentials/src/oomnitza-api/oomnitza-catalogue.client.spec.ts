import { ConfigService } from '@nestjs/config';
import { createGuardedFetch, OutboundAddressPolicy } from '@zoom-oomnitza-sync/outbound-http';
import { REFUSING_URL } from '@zoom-oomnitza-sync/testing';
import { StubHttpServer } from '../../test/support/stub-http-server';
import { OomnitzaCatalogueClient } from './oomnitza-catalogue.client';

const TOKEN = 'oomnitza-api-token-0123456789';
const client = () =>
  new OomnitzaCatalogueClient(
    new ConfigService({ OOMNITZA_HTTP_TIMEOUT_MS: 2_000 }),
    createGuardedFetch(OutboundAddressPolicy.fromAllowList('127.0.0.0/8')),
  );

describe('OomnitzaCatalogueClient', () => {
  let oomnitza: StubHttpServer;

  beforeAll(async () => {
    oomnitza = await StubHttpServer.start();
  });

  afterAll(() => oomnitza.stop());

  it('reads the people fields and the roles with the token in Authorization2', async () => {
    oomnitza.answer((request, response) => {
      const body =
        request.url === '/api/v3/fields/users'
          ? [
              { id: 'EMAIL', label: 'Email', type: 'string', unique: true, mandatory: true },
              { id: 'A1', label: 'Tier', type: 'dropdown', unique: false, mandatory: false, values: ['Gold'] },
              { id: 'A2', label: 'Geo', type: 'geolocation', extra: 1 },
            ]
          : [{ id: 25, name: 'Employee' }];
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    expect(await client().read(oomnitza.url, TOKEN)).toEqual({
      fields: [
        { id: 'EMAIL', label: 'Email', type: 'string', unique: true, mandatory: true },
        { id: 'A1', label: 'Tier', type: 'dropdown', unique: false, mandatory: false, values: ['Gold'] },
        { id: 'A2', label: 'Geo', type: 'string', unique: false, mandatory: false },
      ],
      roles: [{ id: 25, name: 'Employee' }],
      unavailable: [],
    });
    const calls = oomnitza.requests.slice(-2);
    expect(calls.map((call) => call.url).sort()).toEqual(['/api/v3/fields/users', '/api/v3/roles']);
    expect(calls.every((call) => call.headers.authorization2 === TOKEN)).toBe(true);
  });

  it('knows neither from an Oomnitza that does not offer them, and says so', async () => {
    oomnitza.answerJson(404, {});
    expect(await client().read(oomnitza.url, TOKEN)).toEqual({
      fields: null,
      roles: null,
      unavailable: [
        'field catalogue: this Oomnitza does not offer /api/v3/fields/users (404)',
        'roles: this Oomnitza does not offer /api/v3/roles (404)',
      ],
    });
  });

  it('takes nothing from an answer it cannot read whole', async () => {
    oomnitza.answerJson(200, [{ id: 'EMAIL' }]);
    const read = await client().read(oomnitza.url, TOKEN);
    expect(read.fields).toBeNull();
    expect(read.roles).toBeNull();
    expect(read.unavailable[0]).toBe('field catalogue: /api/v3/fields/users answered something other than a list the platform can read');
  });

  it('names a refused token and an unreachable Oomnitza', async () => {
    oomnitza.answerJson(401, {});
    expect((await client().read(oomnitza.url, TOKEN)).unavailable).toContain('roles: Oomnitza rejected the API token (401)');
    expect((await client().read(REFUSING_URL, TOKEN)).unavailable).toContain(
      `field catalogue: could not reach ${REFUSING_URL}/api/v3/fields/users: ECONNREFUSED`,
    );
  });
});
