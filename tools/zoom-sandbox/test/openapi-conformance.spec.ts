import { createZoomSandbox, USER_STATUSES, ZoomOpenApi, ZoomSandbox } from '../src';
import { waitFor } from './support/wait-for';
import { WebhookReceiver } from './support/webhook-receiver';
import { getApi, mintToken, walkPass } from './support/zoom-client';

describe('every body validates against Zoom’s OpenAPI files', () => {
  const openApi = ZoomOpenApi.load();
  let receiver: WebhookReceiver;
  let sandbox: ZoomSandbox;
  let token: string;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    sandbox = await createZoomSandbox({
      users: 600,
      seed: 21,
      plan: 'unlimited',
      webhookUrl: receiver.url,
      webhookSecret: 'openapi-secret',
    });
    token = await mintToken(sandbox);
  });

  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it('list users: every page of every pass, with and without include_fields', async () => {
    let pages = 0;
    for (const status of USER_STATUSES) {
      for (const include of ['', '&include_fields=custom_attributes', '&include_fields=host_key']) {
        for (const page of await walkPass(sandbox, token, `status=${status}&page_size=70${include}`)) {
          expect(openApi.validateResponse('GET', '/users', 200, page)).toEqual({ valid: true, errors: [] });
          pages += 1;
        }
      }
    }
    expect(pages).toBeGreaterThan(20);
  });

  it('get user: every user, whatever the status and type', async () => {
    for (const user of sandbox.population.users()) {
      const response = await getApi(sandbox, `/users/${user.status === 'pending' ? user.email : user.id}`, token);
      expect(response.status).toBe(200);
      expect(openApi.validateResponse('GET', '/users/{userId}', 200, response.body)).toEqual({ valid: true, errors: [] });
    }
  });

  it('users summary', async () => {
    expect(openApi.validateResponse('GET', '/users/summary', 200, (await getApi(sandbox, '/users/summary', token)).body)).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('error responses: Zoom’s spec gives them no body schema, so there is nothing to validate', () => {
    for (const [path, status] of [
      ['/users', 400],
      ['/users', 429],
      ['/users/{userId}', 404],
      ['/users/summary', 400],
    ] as const) {
      expect(openApi.hasResponseSchema('GET', path, status)).toBe(false);
    }
  });

  it('every webhook event the admin API produces', async () => {
    const admin = sandbox.admin;
    const typeFour = sandbox.population.users('active').find((user) => user.type === 4);
    const withAttributes = sandbox.population.users('active').find((user) => user.custom_attributes?.length && user.id !== typeFour?.id);
    const plain = sandbox.population.users('active').filter((user) => user.id !== typeFour?.id && user.id !== withAttributes?.id);
    const invited = admin.createUser({ email: 'validated.invite@example.com', first_name: 'Ünal', last_name: 'Çelik', type: 2 });
    admin.createUser({ email: 'validated.sso@example.com', action: 'ssoCreate' });
    admin.updateUser(invited.user.id as string, { first_name: 'Ünsal', dept: 'Sales', type: 4, company: 'Example AG', pmi: 2345678901 });
    admin.updateUser(withAttributes?.id as string, {
      custom_attributes: [{ key: 'cbf_floor', name: 'Floor', value: '4' }],
      timezone: 'Asia/Tokyo',
      language: 'ja-JP',
      role_id: '1',
    });
    admin.changeEmail(plain[3].id, { email: 'validated.renamed@example.com' });
    admin.deactivateUser(typeFour?.id as string);
    admin.activateUser(typeFour?.id as string);
    admin.acceptInvitation(invited.user.id as string);
    admin.deleteUser(plain[5].id);
    admin.disassociateUser(plain[6].id);
    const expected = [
      'user.created',
      'user.created',
      'user.updated',
      'user.updated',
      'user.updated',
      'user.deactivated',
      'user.activated',
      'user.invitation_accepted',
      'user.deleted',
      'user.disassociated',
    ];

    await waitFor(() => receiver.received.length >= expected.length, 'every webhook');
    expect(receiver.received.map((request) => request.body.event).sort()).toEqual([...expected].sort());
    for (const request of receiver.received) {
      expect({ event: request.body.event, ...openApi.validateWebhook(request.body) }).toEqual({
        event: request.body.event,
        valid: true,
        errors: [],
      });
    }
  });

  it('catches bodies that do not match (the validator is not a rubber stamp)', () => {
    expect(openApi.validateResponse('GET', '/users', 200, { users: [{ email: 'not-an-email', type: 3 }] }).valid).toBe(false);
    expect(openApi.validateResponse('GET', '/users/summary', 200, { total_users_count: 'many' }).valid).toBe(false);
    const deactivated = {
      event: 'user.deactivated',
      event_ts: 1,
      payload: {
        account_id: 'a',
        operator: 'o@example.com',
        operator_id: 'x',
        object: { id: 'u', first_name: 'A', last_name: 'B', email: 'a@example.com', type: 4 },
      },
    };
    expect(openApi.validateWebhook(deactivated).valid).toBe(false);
    expect(
      openApi.validateWebhook({
        ...deactivated,
        payload: { ...deactivated.payload, object: { ...deactivated.payload.object, type: 1, dept: 'IT' } },
      }).valid,
    ).toBe(false);
    expect(() => openApi.validateWebhook({ event: 'meeting.started' })).toThrow('does not describe');
    expect(() => openApi.validateResponse('GET', '/users', 404, {})).toThrow('no JSON schema');
  });
});
