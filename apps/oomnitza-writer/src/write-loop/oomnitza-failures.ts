import { OomnitzaApiError } from '../oomnitza-api/oomnitza-api.error';
import { PendingBatch } from './pending-batch';

/** Oomnitza refuses the token: every further request with it would be refused alike. */
const TOKEN_REFUSED = [401, 403];

/** Nothing of the batch can be written: a run stops, records outside a run fail. */
export class BatchRefused extends Error {
  constructor(
    message: string,
    /** Oomnitza refused the credential: a person must fix it. */
    readonly credentialInvalid = false,
  ) {
    super(message);
  }
}

export function refusalOf(error: unknown): BatchRefused | undefined {
  if (error instanceof BatchRefused) {
    return error;
  }
  if (error instanceof OomnitzaApiError) {
    const tokenRefused = TOKEN_REFUSED.includes(error.status);
    return new BatchRefused(
      tokenRefused ? `Oomnitza refused the API token (${error.status})` : error.message,
      tokenRefused || error.addressRefused,
    );
  }
  return undefined;
}

/** Oomnitza did not answer, or answered 429 or 5xx, even after the client's retries: it may well answer later. */
function isPassing(error: unknown): boolean {
  return error instanceof OomnitzaApiError && !error.addressRefused && (error.status === 0 || error.status === 429 || error.status >= 500);
}

/**
 * Outside a run, Oomnitza failing for now is thrown on: the batch stays pending and the loop tries
 * it again later, so a webhook's change is never dropped for it. (A run stops instead, and its
 * records are fetched again by the next run.)
 */
export function throwIfPassingOutsideRun(batch: PendingBatch, error: unknown): void {
  if (batch.runId === null && isPassing(error)) {
    throw error;
  }
}

/**
 * Why a request's records fail: refused by Oomnitza, or still failing after the client's retries
 * within a run. A refused token does more (undefined: the caller rethrows).
 */
export function recordFailureOf(batch: PendingBatch, error: unknown): string | undefined {
  throwIfPassingOutsideRun(batch, error);
  return error instanceof OomnitzaApiError && !TOKEN_REFUSED.includes(error.status) ? error.message : undefined;
}
