import Ajv, { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { HttpError } from './http-error';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);

function describe(error: ErrorObject): { path: string; message: string } {
  const path = error.instancePath || '/';
  if (error.keyword === 'additionalProperties') {
    return { path, message: `unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"` };
  }
  return { path, message: error.message ?? error.keyword };
}

/**
 * Compiles a JSON schema once into a check that returns the body typed as T or throws a 400
 * listing every problem with its JSON pointer.
 */
export function bodyValidator<T>(schema: object): (body: unknown) => T {
  const validate = ajv.compile(schema);
  return (body) => {
    if (!validate(body)) {
      throw new HttpError(400, 'Invalid request body', (validate.errors ?? []).map(describe));
    }
    return body as T;
  };
}
