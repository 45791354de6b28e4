/** What a Server-to-Server app may do unless told otherwise: read users, as a sync needs. */
export const DEFAULT_APP_SCOPES: readonly string[] = ['user:read:list_users:admin', 'user:read:user:admin', 'user:read:summary:admin'];

/** Each operation's granular scope first, then the classic scopes that also grant it. */
export const OPERATION_SCOPES = {
  listUsers: ['user:read:list_users:admin', 'user:read:admin', 'user:write:admin'],
  getUser: ['user:read:user:admin', 'user:read:admin', 'user:write:admin'],
  usersSummary: ['user:read:summary:admin', 'user:read:admin', 'user:write:admin'],
} as const;

export function grants(tokenScopes: ReadonlySet<string>, accepted: readonly string[]): boolean {
  return accepted.some((scope) => tokenScopes.has(scope));
}

/** Zoom names the granular scope and the classic read scope in its message. */
export function missingScopeMessage(accepted: readonly string[]): string {
  return `Invalid access token, does not contain scopes:[${accepted.slice(0, 2).join(', ')}].`;
}
