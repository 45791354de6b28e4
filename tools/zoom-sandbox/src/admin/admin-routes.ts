import { Router } from '@zoom-oomnitza-sync/devkit';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AccountRegistry } from '../accounts/account-registry';
import { FaultInjector, parseFaultSpec } from '../faults/fault-injector';
import { readBody } from '../http/read-body';
import { sendEmpty, sendJson } from '../http/respond';
import { Handler, RequestContext } from '../http/request-context';
import { InvalidInputError } from '../input-error';
import { isPlan } from '../rate-limit/plans';
import { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import { exportState } from '../state/state-export';
import { AccountAdmin } from './account-admin';

export const ADMIN_KEY_HEADER = 'x-sandbox-admin-key';

export interface AdminRouteDependencies {
  adminKey: string;
  accounts: AccountRegistry;
  admins: ReadonlyMap<string, AccountAdmin>;
  dispatcher: WebhookDispatcher;
  faults: FaultInjector;
}

/**
 * /sandbox/*: change users (each change sends its webhook), manage the webhook subscription,
 * the plan and faults, and export the state. Every call needs the admin key header; the
 * account is `?account_id=` or the first one.
 */
export function addAdminRoutes(router: Router<Handler>, dependencies: AdminRouteDependencies): void {
  const { accounts, admins, dispatcher, faults } = dependencies;
  const expectedKey = digest(dependencies.adminKey);
  const guarded =
    (handler: (context: RequestContext, admin: AccountAdmin) => unknown): Handler =>
    async (context) => {
      const key = context.req.headers[ADMIN_KEY_HEADER];
      if (typeof key !== 'string' || !timingSafeEqual(digest(key), expectedKey)) {
        return sendJson(context.res, 401, { code: 401, message: `The ${ADMIN_KEY_HEADER} header is missing or wrong.` });
      }
      const accountId = context.query.get('account_id');
      const admin = accountId === null ? admins.get(accounts.primary.accountId) : admins.get(accountId);
      if (!admin) {
        throw new InvalidInputError(`no account ${accountId}`, 404);
      }
      const result = await handler(context, admin);
      if (result === undefined) {
        sendEmpty(context.res, 204);
      } else {
        sendJson(context.res, 200, result);
      }
    };
  const body = async (context: RequestContext): Promise<unknown> => {
    const text = await readBody(context.req);
    try {
      return text === '' ? {} : JSON.parse(text);
    } catch {
      throw new InvalidInputError('the body is not JSON');
    }
  };

  router
    .add(
      'GET',
      '/sandbox/state',
      guarded(({ query }) =>
        exportState(accounts, dispatcher, faults, {
          accountId: query.get('account_id') ?? undefined,
          users: query.get('users') !== 'false',
          deliveries: query.get('deliveries') !== 'false',
        }),
      ),
    )
    .add(
      'POST',
      '/sandbox/users',
      guarded(async (context, admin) => admin.createUser(await body(context))),
    )
    .add(
      'PATCH',
      '/sandbox/users/:user',
      guarded(async (context, admin) => admin.updateUser(context.params.user, await body(context))),
    )
    .add(
      'DELETE',
      '/sandbox/users/:user',
      guarded(({ params }, admin) => admin.deleteUser(params.user)),
    )
    .add(
      'PUT',
      '/sandbox/users/:user/email',
      guarded(async (context, admin) => admin.changeEmail(context.params.user, await body(context))),
    )
    .add(
      'POST',
      '/sandbox/users/:user/deactivate',
      guarded(({ params }, admin) => admin.deactivateUser(params.user)),
    )
    .add(
      'POST',
      '/sandbox/users/:user/activate',
      guarded(({ params }, admin) => admin.activateUser(params.user)),
    )
    .add(
      'POST',
      '/sandbox/users/:user/accept-invitation',
      guarded(({ params }, admin) => admin.acceptInvitation(params.user)),
    )
    .add(
      'POST',
      '/sandbox/users/:user/disassociate',
      guarded(({ params }, admin) => admin.disassociateUser(params.user)),
    )
    .add(
      'PUT',
      '/sandbox/webhook',
      guarded(async (context, admin) => {
        const { url, secretToken } = (await body(context)) as { url: string; secretToken: string };
        admin.setWebhookSubscription({ url, secretToken });
      }),
    )
    .add(
      'DELETE',
      '/sandbox/webhook',
      guarded((_context, admin) => admin.removeWebhookSubscription()),
    )
    .add(
      'POST',
      '/sandbox/webhook/validate',
      guarded((_context, admin) => admin.validateWebhookEndpoint()),
    )
    .add(
      'PUT',
      '/sandbox/plan',
      guarded(async (context, admin) => {
        const { plan } = (await body(context)) as { plan: unknown };
        if (typeof plan !== 'string' || !isPlan(plan)) {
          throw new InvalidInputError('"plan" is free, pro, business or unlimited');
        }
        admin.setPlan(plan);
      }),
    )
    .add(
      'GET',
      '/sandbox/faults',
      guarded(() => faults.list()),
    )
    .add(
      'POST',
      '/sandbox/faults',
      guarded(async (context) => faults.add(parseFaultSpec(await body(context)))),
    )
    .add(
      'DELETE',
      '/sandbox/faults',
      guarded(() => faults.clear()),
    );
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
