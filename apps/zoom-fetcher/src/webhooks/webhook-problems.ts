import { HttpStatus } from '@nestjs/common';
import { FieldError, ProblemException } from '@zoom-oomnitza-sync/platform';

export type RefusalReason =
  'unknown_endpoint' | 'missing_headers' | 'invalid_timestamp' | 'stale_timestamp' | 'future_timestamp' | 'bad_signature';

const DETAILS: Record<RefusalReason, string> = {
  unknown_endpoint: 'No Zoom credential with a webhook secret token has this webhook endpoint.',
  missing_headers: 'A Zoom webhook is signed: x-zm-signature and x-zm-request-timestamp are required.',
  invalid_timestamp: 'x-zm-request-timestamp must be the signing time in epoch seconds.',
  stale_timestamp: 'The request was signed too long ago.',
  future_timestamp: 'The request was signed in the future.',
  bad_signature: 'x-zm-signature does not match the body.',
};

/** A delivery that cannot be shown to come from Zoom: nothing of it is kept. */
export class WebhookRefusedProblem extends ProblemException {
  constructor(readonly reason: RefusalReason) {
    super({ status: HttpStatus.UNAUTHORIZED, slug: 'webhook-refused', title: 'Webhook refused', detail: DETAILS[reason] });
  }
}

/** Signed by Zoom, but not an event the receiver can read. */
export class MalformedWebhookProblem extends ProblemException {
  constructor(detail: string, errors?: FieldError[]) {
    super({ status: HttpStatus.BAD_REQUEST, slug: 'malformed-webhook', title: 'Malformed webhook', detail, errors });
  }
}
