import { createHash, timingSafeEqual } from 'node:crypto';
import { AccountRegistry } from '../accounts/account-registry';
import { readBody } from '../http/read-body';
import { sendJson } from '../http/respond';
import { RequestContext } from '../http/request-context';
import { TokenStore } from './token-store';

interface TokenError {
  status: number;
  error: string;
  reason: string;
}

// Zoom's OAuth error codes: 4706 missing credentials or grant type, 4705 unsupported grant type,
// 4702 / 4704 unknown client / wrong secret (one answer for both, revealing neither),
// 4717 app disabled. The body carries only `reason` and `error`.
const MISSING_CREDENTIALS: TokenError = { status: 400, error: 'invalid_request', reason: 'Client ID or client secret is missing.' };
const MISSING_GRANT: TokenError = { status: 400, error: 'invalid_request', reason: 'Missing grant type' };
const UNSUPPORTED_GRANT: TokenError = { status: 400, error: 'unsupported_grant_type', reason: 'unsupported grant type' };
const INVALID_CLIENT: TokenError = { status: 401, error: 'invalid_client', reason: 'Invalid client_id or client_secret' };
const APP_DISABLED: TokenError = { status: 401, error: 'invalid_client', reason: 'The app has been disabled' };
const WRONG_ACCOUNT: TokenError = { status: 400, error: 'invalid_request', reason: 'Invalid account_id' };

/**
 * POST /oauth/token, Server-to-Server OAuth: Basic client credentials (or client_id and
 * client_secret in the form), a form body with grant_type=account_credentials and account_id.
 */
export function oauthTokenRoute(accounts: AccountRegistry, tokens: TokenStore, apiUrl: () => string) {
  return async ({ req, res }: RequestContext): Promise<void> => {
    const form = new URLSearchParams(await readBody(req));
    const credentials = basicCredentials(req.headers.authorization) ?? formCredentials(form);
    const fail = (problem: TokenError): void => sendJson(res, problem.status, { reason: problem.reason, error: problem.error });
    if (!credentials) {
      return fail(MISSING_CREDENTIALS);
    }
    const installed = accounts.findApp(credentials.clientId);
    if (!installed || !sameSecret(installed.app.clientSecret, credentials.clientSecret)) {
      return fail(INVALID_CLIENT);
    }
    if (installed.app.disabled) {
      return fail(APP_DISABLED);
    }
    const grantType = form.get('grant_type');
    if (!grantType) {
      return fail(MISSING_GRANT);
    }
    if (grantType !== 'account_credentials') {
      return fail(UNSUPPORTED_GRANT);
    }
    if (form.get('account_id') !== installed.account.accountId) {
      return fail(WRONG_ACCOUNT);
    }
    const token = tokens.issue(installed.account.accountId, installed.app.clientId, installed.app.scopes);
    sendJson(res, 200, {
      access_token: token,
      token_type: 'bearer',
      expires_in: tokens.lifetime,
      scope: installed.app.scopes.join(' '),
      api_url: apiUrl(),
    });
  };
}

function basicCredentials(authorization: string | undefined): { clientId: string; clientSecret: string } | undefined {
  const match = authorization ? /^basic\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!match) {
    return undefined;
  }
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) {
    return undefined;
  }
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

function formCredentials(form: URLSearchParams): { clientId: string; clientSecret: string } | undefined {
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  return clientId && clientSecret ? { clientId, clientSecret } : undefined;
}

function sameSecret(expected: string, received: string): boolean {
  const digest = (value: string): Buffer => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(received));
}
