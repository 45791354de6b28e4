import { createOomnitzaSandbox, OomnitzaSandbox } from '@zoom-oomnitza-sync/oomnitza-sandbox';
import { createZoomSandbox, ZoomSandbox } from '@zoom-oomnitza-sync/zoom-sandbox';

export type { OomnitzaSandbox, ZoomSandbox };

/** The Zoom account the tests use and its Server-to-Server OAuth apps. */
export const ZOOM_ACCOUNT = {
  accountId: 'acctCredentialsTest01',
  app: { clientId: 'clientGood01', clientSecret: 'good-client-secret-0123456789' },
  appWithoutListUsers: { clientId: 'clientNoScope01', clientSecret: 'noscope-client-secret-012345', scopes: ['user:read:user:admin'] },
  disabledApp: { clientId: 'clientDisabled01', clientSecret: 'disabled-client-secret-01234', disabled: true },
};

/**
 * One Zoom account on a Zoom sandbox. Each mint invalidates the app's previous token
 * (maxTokensPerApp 1), so a token handed out by the broker works only if nobody minted since.
 */
export function startZoomSandbox(): Promise<ZoomSandbox> {
  return createZoomSandbox({
    maxTokensPerApp: 1,
    accounts: [{ accountId: ZOOM_ACCOUNT.accountId, users: 3, apps: [ZOOM_ACCOUNT.app, ZOOM_ACCOUNT.appWithoutListUsers, ZOOM_ACCOUNT.disabledApp] }],
  });
}

export function startOomnitzaSandbox(): Promise<OomnitzaSandbox> {
  return createOomnitzaSandbox();
}

/** What Zoom answers a call to list users with this token: 200, or 401 with code 124 for a dead token. */
export async function listUsersWith(zoom: ZoomSandbox, accessToken: string): Promise<{ status: number; code?: number }> {
  const response = await fetch(`${zoom.apiBaseUrl}/users?page_size=1`, { headers: { authorization: `Bearer ${accessToken}` } });
  const body = (await response.json()) as { code?: number };
  return { status: response.status, code: body.code };
}
