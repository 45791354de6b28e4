import { OomnitzaApiError } from '../oomnitza-api/oomnitza-api.error';

/** Oomnitza refuses the token: every further request with it would be refused alike. */
const TOKEN_REFUSED = [401, 403];

/** Nothing of the batch can be written: a run stops, records outside a run fail. */
export class BatchRefused extends Error {}

export function refusalOf(error: unknown): BatchRefused | undefined {
  if (error instanceof BatchRefused) {
    return error;
  }
  if (error instanceof OomnitzaApiError) {
    return new BatchRefused(TOKEN_REFUSED.includes(error.status) ? `Oomnitza refused the API token (${error.status})` : error.message);
  }
  return undefined;
}

/** A request refused by Oomnitza, or still failing after the client's retries, fails its records; a refused token does more. */
export function recordFailureOf(error: unknown): string | undefined {
  return error instanceof OomnitzaApiError && !TOKEN_REFUSED.includes(error.status) ? error.message : undefined;
}
