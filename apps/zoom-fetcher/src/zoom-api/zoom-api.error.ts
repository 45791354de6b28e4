/** A Zoom API answer other than success, with what the caller needs to react to it. */
export class ZoomApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | undefined,
    message: string,
    /** For 429: how long Zoom asks to wait, and whether it is the daily limit. */
    readonly retryAfterMs?: number,
    readonly dailyLimit = false,
  ) {
    super(message);
    this.name = 'ZoomApiError';
  }

  get invalidToken(): boolean {
    return this.code === 124;
  }

  get pageTokenExpired(): boolean {
    return this.status === 400 && this.code === 300;
  }

  /** GET /users/{userId}: the user does not exist (any more). */
  get userNotFound(): boolean {
    return this.status === 404 && this.code === 1001;
  }

  get rateLimited(): boolean {
    return this.status === 429;
  }

  get transient(): boolean {
    return this.status >= 500 || this.status === 0;
  }

  /** Worth asking again soon: Zoom failed for now or is over its per-second limit (a daily limit lasts until the reset). */
  get passing(): boolean {
    return this.transient || (this.rateLimited && !this.dailyLimit);
  }
}
