export class OomnitzaApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The base URL leads to an address calls may not reach: a person must fix the credential; no retry helps. */
    readonly addressRefused = false,
  ) {
    super(message);
    this.name = 'OomnitzaApiError';
  }
}
