import { Waiting } from '@zoom-oomnitza-sync/platform';
import { ZoomApiError } from './zoom-api.error';

/** Asks again, as Zoom says or with backoff, while Zoom's trouble is passing (`ZoomApiError.passing`), at most `maxAttempts` times. */
export async function retryPassingZoomTrouble<T>(pause: Waiting, maxAttempts: number, request: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof ZoomApiError && error.passing) || attempt >= maxAttempts) {
        throw error;
      }
      await pause.for(error.retryAfterMs ?? Math.min(30_000, 500 * 2 ** (attempt - 1)));
    }
  }
}
