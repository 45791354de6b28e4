import { randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: nobody finds an endpoint by guessing, so forgeries never reach a secret lookup. */
export const WEBHOOK_ENDPOINT_ID = /^[A-Za-z0-9_-]{43}$/;

export function newWebhookEndpointId(): string {
  return randomBytes(32).toString('base64url');
}
