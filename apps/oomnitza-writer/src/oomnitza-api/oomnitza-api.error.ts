export class OomnitzaApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'OomnitzaApiError';
  }
}
