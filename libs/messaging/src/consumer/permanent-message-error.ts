/**
 * Thrown by a handler when retrying cannot help (the message contradicts our data, refers to
 * something that will never exist...): the message goes to the dead-letter topic at once.
 */
export class PermanentMessageError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentMessageError';
  }
}
