import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@zoom-oomnitza-sync/platform';
import { ZoomTokenError } from '../zoom-oauth/zoom-token-error';

/**
 * A failed mint as the calling service sees it: 422 when Zoom refused the credential (a problem
 * of the stored credential: retrying will not help until someone fixes it), 503 when Zoom or the
 * network failed (retry later). `retryable` says the same in the body.
 */
export function zoomTokenProblem(error: ZoomTokenError): ProblemException {
  return new ProblemException(
    error.retryable
      ? {
          status: HttpStatus.SERVICE_UNAVAILABLE,
          slug: 'zoom-unavailable',
          title: 'Zoom could not mint a token',
          detail: error.problem,
          extensions: { retryable: true },
        }
      : {
          status: HttpStatus.UNPROCESSABLE_ENTITY,
          slug: 'zoom-credential-refused',
          title: 'Zoom refused the credential',
          detail: error.problem,
          extensions: { retryable: false },
        },
  );
}

/** Runs a token request, turning a failed mint into its problem. */
export async function withZoomTokenProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof ZoomTokenError ? zoomTokenProblem(error) : error;
  }
}
