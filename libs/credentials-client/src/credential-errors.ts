/** The credential itself is wrong or gone (e.g. Zoom rejected its secret): retrying will not help. */
export class CredentialProblemError extends Error {
  constructor(
    readonly status: number,
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'CredentialProblemError';
  }
}

/** The credentials service could not answer now: worth retrying. */
export class CredentialsUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsUnavailableError';
  }
}
