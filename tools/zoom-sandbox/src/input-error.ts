/** A request to the admin API (or the in-process admin) that cannot be carried out as asked. */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 = 400,
  ) {
    super(message);
  }
}
