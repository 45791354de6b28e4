import { createHmac, timingSafeEqual } from 'node:crypto';

/** x-zm-signature: "v0=" + hex(HMAC-SHA256(secret token, "v0:" + timestamp + ":" + raw body)). */
export function zoomSignature(secretToken: string, timestampSeconds: number | string, rawBody: string | Buffer): string {
  return `v0=${createHmac('sha256', secretToken).update(`v0:${timestampSeconds}:`).update(rawBody).digest('hex')}`;
}

/** The headers Zoom signs a webhook request with, at `nowMs`. */
export function signedWebhookHeaders(secretToken: string, rawBody: string, nowMs: number): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return { 'x-zm-request-timestamp': String(timestamp), 'x-zm-signature': zoomSignature(secretToken, timestamp, rawBody) };
}

/** Checks a received signature on the raw bytes, in constant time. Timestamp tolerance is the caller's choice. */
export function verifyZoomSignature(secretToken: string, timestamp: string, signature: string, rawBody: string | Buffer): boolean {
  const expected = Buffer.from(zoomSignature(secretToken, timestamp, rawBody));
  const received = Buffer.from(signature);
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/** The answer Zoom expects to an endpoint.url_validation challenge. */
export function urlValidationAnswer(secretToken: string, plainToken: string): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: createHmac('sha256', secretToken).update(plainToken).digest('hex') };
}
