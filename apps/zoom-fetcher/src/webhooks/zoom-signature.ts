import { createHmac, timingSafeEqual } from 'node:crypto';

/** `x-zm-signature` as Zoom computes it: over the bytes as they arrived, never re-serialized JSON. */
export function zoomSignature(secretToken: string, timestamp: string, rawBody: Buffer): string {
  return `v0=${createHmac('sha256', secretToken).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`;
}

/** Compared in constant time; the length of a valid signature is no secret. */
export function signatureMatches(secretToken: string, timestamp: string, rawBody: Buffer, presented: string): boolean {
  const expected = Buffer.from(zoomSignature(secretToken, timestamp, rawBody));
  const received = Buffer.from(presented);
  return expected.length === received.length && timingSafeEqual(expected, received);
}

/** The answer to endpoint.url_validation: the token, and its HMAC under the secret token. */
export function urlValidationAnswer(secretToken: string, plainToken: string): { plainToken: string; encryptedToken: string } {
  return { plainToken, encryptedToken: createHmac('sha256', secretToken).update(plainToken).digest('hex') };
}
